package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.train.EpochRecord;
import org.softmaxzoo.train.Worklog;

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
        assertEquals(2, s.compared());
        assertEquals(1, s.inProgress());
        // Same order in both columns: rank correlation 1.
        assertEquals(1.0, s.spearman(), 1e-12);
        assertEquals((0.0007 + 0.0159) / 2, s.meanAbsoluteDifference(), 1e-9);
        List<Path> files = ResultsSummary.write(s, dir.resolve("out"));
        String md = Files.readString(files.get(1));
        assertTrue(md.contains("Runs compared (all 40 epochs run): 2 of 27; in progress: 1."), md);
        assertTrue(md.contains("| ….arcface.scale10.margin30 * | 0.9853 | 23 | 0.9860 | 25 | 12 | +0.0007 |"), md);
        assertTrue(md.contains("| ….normface.scale1 | 0.8841 | 28 | 0.9000 | 20 | 40 | +0.0159 |"), md);
        assertTrue(Files.readString(files.get(0)).startsWith("experiment,ref_best_acc,ref_best_epoch,our_best_acc"));
        assertTrue(Files.size(files.get(2)) > 10_000);
    }
}
