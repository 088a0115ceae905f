package org.softmaxzoo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.softmaxzoo.heads.MarginCurves;
import org.softmaxzoo.heads.margins.TargetTransform;

/** Points placed by hand at known angles from W_1 (angle 0) and W_2 (angle 90 degrees). */
class DecisionRegionsTest {
    private static final double RIGHT_ANGLE = Math.PI / 2;

    @Test
    void withoutMarginTheBisectorSplitsTheClasses() {
        int[] region = DecisionRegions.angularRegions(TargetTransform.NONE, RIGHT_ANGLE);
        assertEquals(1, region[at(1.0, Math.toRadians(40))]);
        assertEquals(2, region[at(1.0, Math.toRadians(50))]);
        assertEquals(1, region[at(1.0, Math.toRadians(-120))]);
    }

    @Test
    void arcFaceLeavesAGapOfItsMarginAroundTheBisector() {
        // m = 0.3 rad = 17.2 degrees: class 1 up to 45 - 8.6 = 36.4 degrees, class 2 from 53.6 degrees.
        int[] region = DecisionRegions.angularRegions(MarginCurves.of("arcface(s=10,m=0.3)"), RIGHT_ANGLE);
        assertEquals(1, region[at(1.0, Math.toRadians(33))]);
        assertEquals(0, region[at(1.0, Math.toRadians(40))]);
        assertEquals(0, region[at(1.0, Math.toRadians(50))]);
        assertEquals(2, region[at(1.0, Math.toRadians(57))]);
    }

    private static int at(double radius, double angle) {
        return DecisionRegions.nearestPoint(radius * Math.cos(angle), radius * Math.sin(angle));
    }
}
