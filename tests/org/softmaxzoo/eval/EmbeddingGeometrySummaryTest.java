package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.train.RunFolder;

/** The feature-norm columns of a run's geometry: hand-computed, written to the metrics file and read back. */
class EmbeddingGeometrySummaryTest {
    @TempDir
    Path dir;

    @Test
    void normMeanAndCoefficientOfVariationWorkedOutByHand() {
        // Norms 5, 2, 1: mean 8/3; population variance ((7/3)^2 + (2/3)^2 + (5/3)^2) / 3 = 78/27; CV sqrt(78/27) / (8/3) = 0.637377.
        float[] features = {3, 4, 0, 2, -1, 0};
        EmbeddingGeometry.Summary s = EmbeddingGeometry.of(features, 2, new int[] {0, 0, 1}, new float[] {1, 0, 0, 1}, 2).summary();
        assertEquals(8.0 / 3, s.meanNorm(), 1e-12);
        assertEquals(0.6373774, s.normCv(), 1e-6);
        // Features of one norm (a normalized head's): CV 0.
        float[] unit = {0.6f, 0.8f, 0, 1, -1, 0};
        assertEquals(0, EmbeddingGeometry.of(unit, 2, new int[] {0, 0, 1}, null, 2).summary().normCv(), 1e-7);
    }

    @Test
    void theMetricsFileKeepsTheNormColumns() throws Exception {
        Verification.Roc roc = new Verification.Roc(new double[] {0, 1}, new double[] {0.5, 1}, new double[] {1, 0}, 0.9);
        EmbeddingGeometry.Summary g = new EmbeddingGeometry.Summary(40, 20, 25, 80, 12.5, 0.25);
        OpenSetBenchmark.Metrics m = new OpenSetBenchmark.Metrics(0.9, 0.1, 0.5, roc, new Retrieval(0.9, 0.8, 0.7, 10, 0), g);
        RunFolder run = RunFolder.at(Files.createDirectories(dir.resolve("run")));
        MetricsFile.write(run, m, m);
        OpenSetBenchmark.Metrics[] back = MetricsFile.read(run);
        assertEquals(12.5, back[0].geometry().meanNorm(), 1e-9);
        assertEquals(0.25, back[1].geometry().normCv(), 1e-9);
        assertTrue(Files.readAllLines(run.file(MetricsFile.FILE)).get(0).endsWith(",mean_norm,norm_cv"));
    }
}
