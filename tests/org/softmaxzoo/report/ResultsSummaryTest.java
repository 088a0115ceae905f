package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.testing.Worklogs;
import org.softmaxzoo.train.Worklog;
import tech.tablesaw.api.Table;

class ResultsSummaryTest {
    @TempDir
    Path dir;

    private void worklog(String experiment, double best, int bestEpoch, int epochs) {
        Worklog.write(dir.resolve("runs").resolve(experiment).resolve(Worklog.FILE),
                List.of(new EpochRecord(epochs, 0.1, 0.9, best, 1, 1, best, bestEpoch)));
    }

    @Test
    void comparesRunsWithTheReference() throws Exception {
        String base = "mnist.softmax.weight_decay1e-3.feature2";
        worklog(base, 0.9800, 30, 40);                       // reference 0.9807
        worklog(base + ".normface.scale1", 0.9000, 20, 40);  // reference 0.8841
        worklog(base + ".arcface.scale10.margin30", 0.9860, 25, 12); // reference 0.9853, short run
        ResultsSummary.Summary s = ResultsSummary.summarize(dir.resolve("runs"), "mnist");
        assertEquals(27, s.table().rowCount());
        // The short run is shown but only the two finished runs are compared.
        assertEquals(2, s.protocol().rows());
        assertEquals(1, s.inProgress());
        // Same order in both columns: rank correlation 1.
        assertEquals(1.0, s.protocol().spearman(), 1e-12);
        assertEquals((0.0007 + 0.0159) / 2, s.protocol().meanAbsoluteDifference(), 1e-9);
        List<Path> files = ResultsSummary.write(s, dir.resolve("out"), dir.resolve("out"));
        String md = Files.readString(files.get(1));
        assertTrue(md.contains("ours, all 40 epochs: 2 of 27 rows; Spearman rank correlation 1.000, mean absolute difference 0.0083."), md);
        assertTrue(md.contains("| ….arcface.scale10.margin30 * | 0.9853 | 23 | 0.9860 | 25 | 12 | +0.0007 |"), md);
        assertTrue(md.contains("| ….normface.scale1 | 0.8841 | 28 | 0.9000 | 20 | 40 | +0.0159 |"), md);
        assertTrue(Files.readString(files.get(0)).startsWith("experiment,ref_best_acc,ref_best_epoch,our_best_acc"));
        assertTrue(Files.size(files.get(2)) > 10_000);
    }

    private void curve(String experiment, double... acc) {
        Worklogs.curve(dir.resolve("runs"), experiment, acc);
    }

    @Test
    void firstStageTakesEachRowsBestWithinTenEpochs() throws Exception {
        String base = "fashion_mnist.softmax.weight_decay1e-3.feature2";
        // Best within 10 epochs 0.85 (epoch 7); the later 0.87 at epoch 12 must not count.
        curve(base, 0.80, 0.81, 0.82, 0.83, 0.84, 0.845, 0.85, 0.84, 0.83, 0.82, 0.86, 0.87); // reference 0.8597
        curve(base + ".arcface.scale10.margin20", 0.60, 0.70, 0.65, 0.66, 0.67, 0.68, 0.69, 0.69, 0.69, 0.69); // reference 0.6443
        curve(base + ".ringloss.0.1", 0.90, 0.90, 0.90, 0.90, 0.90, 0.90, 0.90, 0.90, 0.90); // 9 epochs: not in the stage
        curve(base + ".normweight", 0.80, 0.84); // reference 0.858; 2 epochs
        ResultsSummary.Summary s = ResultsSummary.summarize(dir.resolve("runs"), "fashion_mnist");
        assertEquals(2, s.firstStage().rows());
        assertEquals(0, s.protocol().rows());
        // Reference order (0.6443 < 0.8597) and ours (0.70 < 0.85) agree: rho = 1.
        assertEquals(1.0, s.firstStage().spearman(), 1e-12);
        assertEquals((Math.abs(0.85 - 0.8597) + Math.abs(0.70 - 0.6443)) / 2, s.firstStage().meanAbsoluteDifference(), 1e-9);
        String md = Files.readString(ResultsSummary.write(s, dir.resolve("out"), dir.resolve("out")).get(1));
        assertTrue(md.contains("| … * | 0.8597 | 35 | 0.8700 | 12 | 12 | +0.0103 | 0.8500 |"), md);
        assertTrue(md.contains("| ….ringloss.0.1 * | 0.8693 | 37 | 0.9000 | 1 | 9 | +0.0307 |  |"), md);
        Table back = ResultsSummary.read(dir.resolve("out").resolve("fashion_mnist-results.csv"));
        assertEquals(0.70, back.doubleColumn("our_best_acc_first10").getDouble(back.stringColumn("experiment")
                .indexOf(base + ".arcface.scale10.margin20")), 1e-12);
    }

    @Test
    void refusesToPutRunsOfDifferentDataInOneTable() throws Exception {
        String base = "fashion_mnist.softmax.weight_decay1e-3.feature2";
        worklog(base, 0.88, 30, 40);
        worklog(base + ".normface.scale10", 0.86, 30, 40);
        Files.writeString(dir.resolve("runs").resolve(base).resolve("config.properties"), "data.train-images-idx3-ubyte.sha256=aa\n"
                + "data.train-labels-idx1-ubyte.sha256=bb\ndata.t10k-images-idx3-ubyte.sha256=cc\ndata.t10k-labels-idx1-ubyte.sha256=dd\n");
        // The other run has no record of its data: a different fingerprint ("unrecorded").
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ResultsSummary.summarize(dir.resolve("runs"), "fashion_mnist"));
        assertTrue(e.getMessage().contains("trained on different data"), e.getMessage());
        assertTrue(e.getMessage().contains("1 run(s) on unrecorded data, e.g. " + base + ".normface.scale10"), e.getMessage());
        // Same record on both: one table.
        Files.copy(dir.resolve("runs").resolve(base).resolve("config.properties"),
                dir.resolve("runs").resolve(base + ".normface.scale10").resolve("config.properties"));
        assertEquals(2, ResultsSummary.summarize(dir.resolve("runs"), "fashion_mnist").protocol().rows());
    }
}
