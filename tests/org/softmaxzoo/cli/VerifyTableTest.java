package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.eval.OpenSetBenchmark;
import org.softmaxzoo.report.OpenSetReport;
import org.softmaxzoo.testing.TestData;

/** verify's table is the one summarize writes from the same folder, also for a head whose record spells out its defaults. */
class VerifyTableTest {
    private static final Path COMMITTED = Path.of("results", "runs", "leaderboard",
            "fashion_mnist.sphereface-m4.weight_decay1e-3.feature2.classes0-7");

    @TempDir
    Path dir;

    @Test
    void aRunScoredBeforeEntersVerifysTableAsItsRecordSpellsIt() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("board"));
        Path run = Files.createDirectories(runs.resolve(COMMITTED.getFileName()));
        for (String file : List.of("config.properties", "worklog.csv", "openset-metrics.csv")) {
            Files.copy(COMMITTED.resolve(file), run.resolve(file));
        }
        CliRun r = CliRun.of("verify", "--head", "sphereface(m=4)", "--dataset", "fashion_mnist", "--feature-dim", "2", "--epochs", "10",
                "--out", runs.toString(), "--results", dir.toString(), "--figures", dir.resolve("figures").toString(),
                "--data", TestData.root().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("0 run(s) scored now, 1 scored before"), r.out());
        String table = Files.readString(dir.resolve("board.md"));
        // the record's spelling: SphereFace's schedule defaults written out (they have changed before)
        assertTrue(table.contains("| 1 | sphereface(m=4,lambda_max=30000,lambda_min=3,lambda_gamma=0.2) | 1 * | 1 |"), table);
        assertEquals(OpenSetReport.tableTexts(OpenSetBenchmark.saved(runs), "board").get("board.md"), table, "summarize's table");
    }
}
