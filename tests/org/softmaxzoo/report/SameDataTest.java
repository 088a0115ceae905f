package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.eval.EmbeddingGeometry;
import org.softmaxzoo.eval.OpenSetBenchmark;
import org.softmaxzoo.eval.Retrieval;
import org.softmaxzoo.eval.Verification;
import org.softmaxzoo.testing.Worklogs;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.RunResult;
import org.softmaxzoo.train.TrainConfig;

/**
 * Every table besides the reference comparison (whose check {@code ResultsSummaryTest} covers) refuses runs of one
 * data set trained on different data: the seed spread, the stability map and the open-set / leaderboard tables.
 */
class SameDataTest {
    @TempDir
    Path dir;

    private static final String BASE = "fashion_mnist.softmax.weight_decay1e-3.feature2";

    /** Records data with made-up content hashes (the prefix tells two data apart) in a run's configuration. */
    private static void recordData(Path runDir, String hashPrefix) throws Exception {
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("config.properties"), "data.train-images-idx3-ubyte.sha256=" + hashPrefix + "1\n"
                + "data.train-labels-idx1-ubyte.sha256=" + hashPrefix + "2\ndata.t10k-images-idx3-ubyte.sha256=" + hashPrefix + "3\n"
                + "data.t10k-labels-idx1-ubyte.sha256=" + hashPrefix + "4\n");
    }

    private static void assertRefused(Runnable table, String oneRun) {
        IllegalStateException e = assertThrows(IllegalStateException.class, table::run);
        assertTrue(e.getMessage().contains("fashion_mnist runs were trained on different data"), e.getMessage());
        // The old data's fingerprint "old1,old2,old3,old4", cut to its first 12 characters, with one of its runs.
        assertTrue(e.getMessage().contains("1 run(s) on data old1,old2,ol..., e.g. "), e.getMessage());
        assertTrue(e.getMessage().contains(oneRun), e.getMessage());
    }

    @Test
    void seedSpreadRefusesSeedsOfDifferentData() throws Exception {
        Path runs = dir.resolve("runs");
        double[] tenEpochs = {0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.85};
        Worklogs.curve(runs, BASE, tenEpochs);
        Worklogs.curve(runs, BASE + ".seed2", tenEpochs);
        recordData(runs.resolve(BASE), "new");
        recordData(runs.resolve(BASE + ".seed2"), "old");
        assertRefused(() -> SeedSpread.rows(runs, "fashion_mnist", ResultsSummary.Basis.FIRST_STAGE), BASE + ".seed2");
        recordData(runs.resolve(BASE + ".seed2"), "new");
        SeedSpread.Row row = SeedSpread.rows(runs, "fashion_mnist", ResultsSummary.Basis.FIRST_STAGE).stream()
                .filter(r -> r.experiment().equals(BASE)).findFirst().orElseThrow();
        assertEquals(List.of(1L, 2L), row.seeds());
    }

    @Test
    void stabilityMapRefusesCellsOfDifferentData() throws Exception {
        String cos = BASE + ".amsoftmax.scale4.margin";
        Files.writeString(dir.resolve(StabilityMap.SWEEP), cos + "{0,0.2}\n");
        Worklogs.curve(dir, cos + "0", 0.7, 0.8, 0.75);
        Worklogs.curve(dir, cos + "0.2", 0.7, 0.8, 0.75);
        recordData(dir.resolve(cos + "0"), "new");
        recordData(dir.resolve(cos + "0.2"), "old");
        assertRefused(() -> StabilityMap.read(dir), cos + "0.2");
        recordData(dir.resolve(cos + "0.2"), "new");
        assertEquals(2, StabilityMap.read(dir).get(0).cells().size());
    }

    private OpenSetBenchmark.Result scored(String head, String hashPrefix) throws Exception {
        TrainConfig c = TrainConfig.of(DatasetKind.FASHION_MNIST, head).withEpochs(10);
        Path runDir = dir.resolve("openset").resolve(c.name());
        recordData(runDir, hashPrefix);
        OpenSetBenchmark.Metrics m = new OpenSetBenchmark.Metrics(0.9, 0.1, 0.1, new Verification.Roc(new double[] {1}, new double[] {1},
                new double[] {0}, 0.9), new Retrieval(0.9, 0.8, 0.7, 100, 0), new EmbeddingGeometry.Summary(40, 20, 25, 80, 3, 0.2));
        return new OpenSetBenchmark.Result(c, new RunResult(c, runDir, List.of(EpochRecord.after(null, 10, 0.1, 0.9, 0.95, 1, 1))), m, m, null);
    }

    @Test
    void openSetTablesRefuseHeadsOfDifferentData() throws Exception {
        OpenSetBenchmark.Result softmax = scored("softmax", "new");
        OpenSetBenchmark.Result oldData = scored("normface(s=10)", "old");
        assertRefused(() -> OpenSetReport.cells(List.of(softmax, oldData)), "normface");
        assertEquals(2, OpenSetReport.cells(List.of(softmax, scored("normface(s=10)", "new"))).size());
    }
}
