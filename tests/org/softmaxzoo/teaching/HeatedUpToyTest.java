package org.softmaxzoo.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.plot.HeatedUpFigures;

/** The heated-up toy's probabilities, angular gradients and descent steps, by hand; the source's claims about alpha. */
class HeatedUpToyTest {
    /** Two classes, weights at 0 and 90 degrees. */
    private static final HeatedUpToy TWO = new HeatedUpToy(0, Math.PI / 2);

    @Test
    void gradientsByHand() {
        // theta = 0, alpha = 2: logits (2, 0), p_0 = e^2 / (e^2 + 1); dL/dtheta = 2 p_1 sin(90 deg) = 2 / (e^2 + 1)
        assertEquals(Math.exp(2) / (Math.exp(2) + 1), TWO.probabilities(2, 0)[0], 1e-12);
        assertEquals(2 / (Math.exp(2) + 1), TWO.angularGradient(2, 0, 0), 1e-12);
        // on the bisector p = (1/2, 1/2): dL/dtheta = -2 (-1/2 sin 45 + 1/2 sin(-45)) = 2 sin 45 = sqrt 2
        assertEquals(Math.sqrt(2), TWO.angularGradient(2, 0, Math.PI / 4), 1e-12);
        double[] path = TWO.descend(2, new HeatedUpToy.Sample(0, "boundary", Math.PI / 4), 0.1, 1);
        assertEquals(Math.PI / 4 - 0.1 * Math.sqrt(2), path[1], 1e-12); // descent moves it toward W_0
        // finite differences of the loss -log p_0 agree with the closed form
        double h = 1e-6;
        double theta = 0.7;
        double numeric = (-Math.log(TWO.probabilities(3, theta + h)[0]) + Math.log(TWO.probabilities(3, theta - h)[0])) / (2 * h);
        assertEquals(numeric, TWO.angularGradient(3, 0, theta), 1e-6);
    }

    @Test
    void theSourcesClaimsAboutAlphaHoldOnTheToy() {
        HeatedUpToy toy = HeatedUpToy.threeClasses();
        double easy = Math.toRadians(80);
        double hard = Math.toRadians(190);
        double previous = 0;
        for (double alpha : new double[] {0.1, 0.5, 1, 2, 4, 8, 16, 32}) {
            double g = Math.abs(toy.angularGradient(alpha, 0, hard));
            assertTrue(g > previous, "hard sample's gradient grows with alpha: " + alpha);
            previous = g;
        }
        // easy: rises from 0, then falls toward 0 (0.017 at 0.1, 0.122 at 1, 0.0002 at 8)
        assertTrue(Math.abs(toy.angularGradient(0.1, 0, easy)) < Math.abs(toy.angularGradient(1, 0, easy)));
        assertTrue(Math.abs(toy.angularGradient(8, 0, easy)) < 1e-3);
        BufferedImage img = HeatedUpFigures.paths(toy, HeatedUpToy.SAMPLES, new double[] {1, 4, 8, 32}, 0.01, 50);
        assertTrue(img.getWidth() > 4 * 400);
    }
}
