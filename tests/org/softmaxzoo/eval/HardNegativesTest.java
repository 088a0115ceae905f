package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HardNegativesTest {
    @Test
    void countsByHandAgainstTheTargetAsWritten() {
        // m = 0.5, t = 0.4 (minimum of the hard logit at cos = -0.2). Targets cos(acos(cos_y) + 0.5), by hand:
        //  cos_y 0.9  -> 0.5812: 0.8 hard (acute), -0.5 easy
        //  cos_y 0.2  -> -0.2941: -0.25 hard and past -0.2, 0.1 hard (acute)
        //  cos_y -0.95 -> theta_y + m = 3.324 > pi, cos = -0.9834 as written (the fallback would give -1.19):
        //                 -0.99 easy (hard only with the fallback), 0.3 hard (acute)
        float[] cosines = {
            0.9f, 0.8f, -0.5f,
            -0.25f, 0.2f, 0.1f,
            -0.95f, -0.99f, 0.3f};
        int[] labels = {0, 1, 0};
        assertEquals(new HardNegatives(6, 4, 1, 3), HardNegatives.of(cosines, labels, 3, 0.5, 0.4));
    }
}
