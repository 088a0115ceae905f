package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.notebook.Notebook;

class TrainingFitTest {
    private static final String FASHION = "fashion_mnist.softmax.weight_decay1e-3.feature2";

    @Test
    void lineThroughFourRowsMatchesTheHandComputedLeastSquares() {
        // Training gaps x = 0, 1, 2, 3 points, test gaps y = 0, 1, 1, 3 points. By hand: Sxx = 5e-4, Sxy = 4.5e-4,
        // Syy = 4.75e-4, so slope 0.9, intercept 1.25e-2 - 0.9 * 1.5e-2 = -1e-3, r = 4.5e-4 / sqrt(5e-4 * 4.75e-4) = 0.923381;
        // residuals +0.001, +0.002, -0.007, +0.004: mean absolute 0.0035.
        double[] x = {0, 0.01, 0.02, 0.03};
        double[] y = {0, 0.01, 0.01, 0.03};
        List<TrainingFit.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            points.add(new TrainingFit.Point("row" + i, 0.9, 0.9 + x[i], 0.8, 0.8 + y[i]));
        }
        TrainingFit.Fit fit = TrainingFit.fit(points);
        assertEquals(0.9, fit.slope(), 1e-9);
        assertEquals(-0.001, fit.intercept(), 1e-9);
        assertEquals(0.923381, fit.correlation(), 1e-6);
        assertEquals(0.0035, fit.meanAbsoluteResidual(), 1e-9);
        assertEquals(-0.007, fit.residual(points.get(2)), 1e-9);
        // Without row 2 the other three lie on y = x, which predicts 0.02 for it: residual 0.01 - 0.02.
        assertEquals(-0.01, fit.leaveOneOutResidual(points.get(2)), 1e-9);
    }

    @Test
    void equalTrainingGapsGiveNoLine() {
        List<TrainingFit.Point> same = List.of(new TrainingFit.Point("a", 0.9, 0.91, 0.8, 0.80), new TrainingFit.Point("b", 0.9, 0.91, 0.8, 0.81),
                new TrainingFit.Point("c", 0.9, 0.91, 0.8, 0.83));
        TrainingFit.Fit fit = TrainingFit.fit(same);
        assertTrue(Double.isNaN(fit.slope()) && Double.isNaN(fit.correlation()), "a vertical cloud has no least-squares line");
        assertEquals("no line", fit.equation());
    }

    @Test
    void referenceTrainingAccuraciesAreTheLogsLastEpoch() {
        // Copied by hand from the reference's train_log/<experiment>/worklog.txt, "Epoch 40/40": 81.52% and 59.51%.
        ReferenceResults.Row normface1 = row("mnist.softmax.weight_decay1e-3.feature2.normface.scale1");
        assertEquals(0.8152, normface1.trainAccuracyLast(), 1e-9);
        assertEquals(0.5951, row(FASHION + ".arcface.scale10.margin20").trainAccuracyLast(), 1e-9);
        assertTrue(Double.isNaN(row(FASHION + ".normface.scale5").trainAccuracyLast()), "the repository has no log of this row");
    }

    @Test
    void committedFashionRunsLeaveOutTheReferenceRunThatDidNotTrain() {
        TrainingFit.Report r = TrainingFit.of(Notebook.projectDir().resolve("results").resolve("runs"), "fashion_mnist");
        assertEquals(List.of(FASHION + ".arcface.scale10.margin20"), r.didNotTrain().stream().map(TrainingFit.Point::experiment).toList());
        assertEquals(List.of(FASHION + ".normface.scale5"), r.withoutReferenceLog());
        // Normalized weights + Ring loss 0.1: the reference's log 87.26%, our worklog's epoch 40 0.856383, bests 0.8510 and 0.8401.
        TrainingFit.Point ring = r.fit().points().stream().filter(p -> p.experiment().equals(FASHION + ".normweight.ringloss.0.1"))
                .findFirst().orElseThrow();
        assertEquals(0.8726, ring.referenceTrain(), 1e-9);
        assertEquals(0.856383, ring.ourTrain(), 1e-9);
        assertEquals(-0.0109, ring.testGap(), 1e-9);
        assertTrue(r.fit().points().size() >= 14, "every finished row but the two left out: " + r.fit().points().size());
    }

    private static ReferenceResults.Row row(String experiment) {
        return ReferenceResults.all().stream().filter(r -> r.experiment().equals(experiment)).findFirst().orElseThrow();
    }
}
