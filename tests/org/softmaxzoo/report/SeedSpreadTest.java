package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.testing.Worklogs;

/** A row's spread over its seeds' runs: count, mean, sample std, range, collapses. */
class SeedSpreadTest {
    @TempDir
    Path dir;

    private static final String BASE = "mnist.softmax.weight_decay1e-3.feature2";

    private static double[] tenEpochsBest(double best) {
        double[] acc = new double[10];
        java.util.Arrays.fill(acc, best - 0.1);
        acc[6] = best;
        return acc;
    }

    @Test
    void seedsOfARowAreGatheredAndSummarized() throws Exception {
        Path runs = dir.resolve("runs");
        Worklogs.curve(runs, BASE, tenEpochsBest(0.96));             // seed 1
        Worklogs.curve(runs, BASE + ".seed2", tenEpochsBest(0.94));
        Worklogs.curve(runs, BASE + ".seed3", tenEpochsBest(0.98));
        Worklogs.curve(runs, BASE + ".seed4", 0.5, 0.6);            // 2 epochs: not on the 10-epoch basis
        Worklogs.curve(runs, BASE + ".normface.scale50", tenEpochsBest(0.21)); // collapsed
        Worklogs.curve(runs, BASE + ".normface.scale50.seed2", tenEpochsBest(0.97));
        List<SeedSpread.Row> rows = SeedSpread.rows(runs, "mnist", ResultsSummary.Basis.FIRST_STAGE);
        SeedSpread.Row softmax = rows.stream().filter(r -> r.experiment().equals(BASE)).findFirst().orElseThrow();
        assertEquals(List.of(1L, 2L, 3L), softmax.seeds());
        assertEquals(0.96, softmax.mean(), 1e-12);
        // Sample std of 0.96, 0.94, 0.98: deviations 0, -0.02, 0.02 -> sqrt(0.0008 / 2) = 0.02.
        assertEquals(0.02, softmax.std(), 1e-12);
        assertEquals(0.94, softmax.min(), 1e-12);
        assertEquals(0.98, softmax.max(), 1e-12);
        assertEquals(0, softmax.collapsed());
        // The reference (0.9807) is above our range [0.94, 0.98].
        assertTrue(softmax.referenceOutsideSpread());
        SeedSpread.Row s50 = rows.stream().filter(r -> r.experiment().equals(BASE + ".normface.scale50")).findFirst().orElseThrow();
        assertEquals(1, s50.collapsed());
        assertEquals(0.59, s50.mean(), 1e-12);
        // On the 40-epoch basis no run qualifies.
        assertEquals(0, SeedSpread.rows(runs, "mnist", ResultsSummary.Basis.PROTOCOL).stream().mapToInt(SeedSpread.Row::n).sum());

        String md = Files.readString(SeedSpread.write(runs, "mnist", dir));
        assertTrue(md.contains("| … | 0.9807 | 1,2,3 | 3 | 0.9600 | 0.0200 | 0.9400 | 0.9800 | 0 |"), md);
        // Reference 0.9807 (softmax) and 0.9745 (NormFace s = 50, outside our [0.21, 0.97] too); means 0.96 and 0.59: same order.
        assertTrue(md.contains("Rows with two seeds or more: 2 of 27; Spearman of the reference against our seed means over them: "
                + "1.000; the reference outside our seeds' range: 2 of 2."), md);
    }
}
