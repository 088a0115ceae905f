package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.heads.margins.Annealed;
import org.softmaxzoo.heads.margins.TargetTransform;
import org.softmaxzoo.heads.spec.SpecException;
import org.softmaxzoo.heads.spec.SpecHistory;
import org.softmaxzoo.notebook.Notebook;
import org.softmaxzoo.train.RunFolder;
import org.softmaxzoo.train.Trainer;

/**
 * SphereFace's lambda schedule, lambda(t) = max(lambda_min, lambda_max (1 + lambda_gamma t)^(-lambda_power)),
 * at iterations worked out by hand for the source write-up's code (30000, 3, 0.2), the paper's Caffe
 * prototxt (1000, 5, 0.12) and the former defaults the committed runs used (1000, 5, 0.2); the target
 * the runs end with, (lambda cos + psi) / (1 + lambda), at hand-computed angles.
 */
class SphereFaceScheduleTest {

    private static double lambdaAt(String spec, double t) {
        TargetTransform transform = MarginCurves.of(spec);
        return MarginCurves.scheduleValues(((Annealed) transform).lambda(), new double[] {t})[0];
    }

    @Test
    void defaultsAreTheSourceCodes() {
        assertEquals("sphereface(m=4,lambda_min=3,lambda_max=30000,lambda_gamma=0.2,lambda_power=1)", Heads.create("sphereface").spec());
        assertEquals(30000, lambdaAt("sphereface", 0), 1e-2);
        assertEquals(10000, lambdaAt("sphereface", 10), 1e-2); // 30000 / 3
        assertEquals(1428.5714, lambdaAt("sphereface", 100), 1e-2); // 30000 / 21
        assertEquals(149.25373, lambdaAt("sphereface", 1000), 1e-3); // 30000 / 201
        assertEquals(3.0, lambdaAt("sphereface", 49995), 1e-4); // 30000 / 10000: reaches the floor here
        assertEquals(3.0, lambdaAt("sphereface", 500000), 1e-6);
        assertEquals(3.0009, lambdaAt("sphereface", 49990), 1e-3); // 30000 / 9999 (float32 near 5e4)
    }

    @Test
    void thePapersPrototxtSchedule() {
        String paper = "sphereface(m=4," + org.softmaxzoo.heads.catalog.SphereFace.PAPER_SCHEDULE + ")";
        assertEquals(1000, lambdaAt(paper, 0), 1e-3);
        assertEquals(250, lambdaAt(paper, 25), 1e-3); // 1000 / (1 + 3)
        assertEquals(5.0251256, lambdaAt(paper, 1650), 1e-4); // 1000 / 199
        assertEquals(5, lambdaAt(paper, 1700), 1e-6); // 1000 / 205 < 5
        // power 2: 100 (1 + t)^-2
        String squared = "sphereface(lambda_max=100,lambda_gamma=1,lambda_power=2,lambda_min=0)";
        assertEquals(25, lambdaAt(squared, 1), 1e-4);
        assertEquals(4, lambdaAt(squared, 4), 1e-4);
        assertEquals(1, lambdaAt(squared, 9), 1e-5);
    }

    @Test
    void theTargetTheRunsEndWith() {
        // m = 4, lambda = 3: theta = pi/3 lies in [pi/4, pi/2], k = 1, psi = -cos(4 pi/3) - 2 = -1.5; (3 * 0.5 - 1.5) / 4 = 0
        double[] thetas = {0, Math.PI / 6, Math.PI / 3};
        double[] end = MarginCurves.values(MarginCurves.of("sphereface(m=4)"), thetas, 10_000_000L);
        assertEquals(1, end[0], 1e-5);
        assertEquals((3 * Math.sqrt(3) / 2 - 0.5) / 4, end[1], 1e-5); // k = 0: psi = cos(2 pi/3) = -0.5
        assertEquals(0, end[2], 1e-5);
        // the former default floor 5: (5 * 0.5 - 1.5) / 6 = 1/6
        double[] former = MarginCurves.values(MarginCurves.of(SpecHistory.asTrained("sphereface(m=4)")), thetas, 10_000_000L);
        assertEquals(1.0 / 6, former[2], 1e-5);
    }

    @Test
    void recordedSpecsKeepTheValuesTheyWereTrainedWith() {
        assertEquals("sphereface(m=4,lambda_min=5,lambda_max=1000,lambda_gamma=0.2,lambda_power=1)",
                Heads.create(SpecHistory.asTrained("sphereface(m=4)")).spec());
        assertEquals("sphereface(m=2,lambda_min=3,lambda_max=3,lambda_gamma=0.2,lambda_power=1)",
                Heads.create(SpecHistory.asTrained("sphereface(m=2,lambda_max=3)")).spec()); // min(5, lambda_max)
        assertEquals("sphereface(m=4,lambda=0)", SpecHistory.asTrained("sphereface(m=4,lambda=0)"));
        assertEquals("normface(s=10)", SpecHistory.asTrained("normface(s=10)"));
        assertEquals("sphereface(m=3,lambda_max=30000,lambda_min=3,lambda_gamma=0.2)+ringloss(lambda=0.1)",
                SpecHistory.toRecord("sphereface(m=3)+ringloss(lambda=0.1)"));
        // the committed open-set runs: trained with max(5, 1000 / (1 + 0.2 t)), their records spell it out
        for (String dim : new String[] {"2", "64"}) {
            Path run = Notebook.projectDir().resolve("results/runs/openset/mnist.sphereface-m4-lambda_max1000-lambda_min5-lambda_gamma0.2"
                    + ".weight_decay1e-3.feature" + dim + ".classes0-7");
            String recorded = RunFolder.at(run).config().getProperty("head");
            assertEquals("sphereface(m=4,lambda_max=1000,lambda_min=5,lambda_gamma=0.2)", recorded);
            assertEquals(1000.0 / 21, lambdaAt(SpecHistory.asTrained(recorded), 100), 1e-3);
            assertEquals(5, lambdaAt(SpecHistory.asTrained(recorded), 5000), 1e-6);
        }
    }

    @Test
    void refusesAFixedLambdaWithASchedule() {
        for (String key : new String[] {"lambda_min=1", "lambda_max=10", "lambda_gamma=0.1", "lambda_power=2"}) {
            assertTrue(assertThrows(SpecException.class, () -> Heads.create("sphereface(lambda=1," + key + ")")).getMessage()
                    .contains("either lambda"), key);
        }
    }
}
