package org.softmaxzoo.heads;

import org.softmaxzoo.heads.catalog.*;
import org.softmaxzoo.heads.core.*;
import org.softmaxzoo.heads.margins.*;
import org.softmaxzoo.heads.spec.*;
import org.softmaxzoo.heads.terms.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The angular margins of the margin families against their closed forms. */
class MarginCurvesTest {
    private static final double[] THETA12 = {0.6, 1.2, Math.PI / 2, 2.5};

    @Test
    void multiplicativeMarginGrowsWithTheAngleBetweenClasses() {
        for (int m = 2; m <= 4; m++) {
            double[] got = MarginCurves.angularMargins(MarginCurves.of("sphereface(m=" + m + ",lambda=0)"), THETA12, 0);
            for (int k = 0; k < THETA12.length; k++) {
                assertEquals((m - 1.0) / (m + 1) * THETA12[k], got[k], 1e-3, "m=" + m + " theta12=" + THETA12[k]);
            }
        }
    }

    @Test
    void additiveAngularMarginIsConstant() {
        double[] got = MarginCurves.angularMargins(MarginCurves.of("arcface(s=10,m=0.3)"), THETA12, 0);
        for (double v : got) {
            assertEquals(0.3, v, 1e-3);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.2, 1})
    void additiveCosineMarginInAngle(double m) {
        double[] got = MarginCurves.angularMargins(MarginCurves.of("cosface(s=10,m=" + m + ")"), THETA12, 0);
        for (int k = 0; k < THETA12.length; k++) {
            // cos t - m = cos(t12 - t)  <=>  2 sin(t12/2) sin(t12/2 - t) = m; when that boundary would
            // lie behind the class's own weight (t < 0), the margin takes the whole angle.
            double closedForm = 2 * Math.asin(Math.min(1, m / (2 * Math.sin(THETA12[k] / 2))));
            assertEquals(Math.min(THETA12[k], closedForm), got[k], 2e-3, "m=" + m + " theta12=" + THETA12[k]);
        }
    }

    @Test
    void plainSoftmaxHasNoMargin() {
        for (double v : MarginCurves.angularMargins(TargetTransform.NONE, THETA12, 0)) {
            assertEquals(0, v, 1e-3);
        }
    }

    @Test
    void heatedUpScheduleFollowsItsRamp() {
        HeatedUp head = (HeatedUp) Heads.create("heatedup(s_start=30,s_end=10,steps=100,schedule=linear)");
        double[] v = MarginCurves.scheduleValues(head.scale(), new double[] {0, 50, 100, 400});
        assertEquals(30, v[0], 1e-4);
        assertEquals(20, v[1], 1e-4);
        assertEquals(10, v[2], 1e-4);
        assertEquals(10, v[3], 1e-4);
    }
}
