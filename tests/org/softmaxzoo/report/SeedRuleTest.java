package org.softmaxzoo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.report.SeedRule.Verdict;

/** The two-standard-error rule on hand-worked samples. */
class SeedRuleTest {
    // a: mean 0.98, deviations 0, -0.01, +0.01 -> s = sqrt(0.0002 / 2) = 0.01; b: mean 0.95, s = 0.01.
    private static final Sample A = Sample.of(0.98, 0.97, 0.99);
    private static final Sample B = Sample.of(0.95, 0.96, 0.94);
    // SE = sqrt(0.01^2 / 3 + 0.01^2 / 3) = sqrt(0.0002 / 3) = 0.0081650
    private static final double SE = 0.0081649658;

    @Test
    void aDifferenceOverTwoStandardErrorsHoldsAndItsReverseFails() {
        assertEquals(0.01, A.std(), 1e-12);
        SeedRule.Difference d = SeedRule.compare(A, B, 0);
        assertEquals(0.03, d.difference(), 1e-12);
        assertEquals(SE, d.standardError(), 1e-9);
        assertEquals(Verdict.HOLDS, d.verdict()); // 0.03 > 2 x 0.00816 = 0.0163
        assertEquals("+0.0300, SE 0.0082", d.describe());
        assertEquals(Verdict.FAILS, SeedRule.compare(B, A, 0).verdict());
        // A margin of 0.02 leaves d = 0.01, inside +-0.0163: not distinguishable; a margin of 0.05 leaves -0.02: fails.
        assertEquals(Verdict.NOT_DISTINGUISHABLE, SeedRule.compare(A, B, 0.02).verdict());
        assertEquals(0.01, SeedRule.compare(A, B, 0.02).difference(), 1e-12);
        assertEquals(Verdict.FAILS, SeedRule.compare(A, B, 0.05).verdict());
    }

    @Test
    void welchStandardErrorWithUnequalCountsAndSpreads() {
        // a: 0.90, 0.94: mean 0.92, s^2 = (0.02^2 + 0.02^2) / 1 = 0.0008; b: 0.80..0.86: mean 0.83, s^2 = 0.0020 / 3.
        // SE = sqrt(0.0008 / 2 + 0.0020 / 12) = sqrt(0.000566667) = 0.0238048
        SeedRule.Difference d = SeedRule.compare(Sample.of(0.90, 0.94), Sample.of(0.80, 0.82, 0.84, 0.86), 0);
        assertEquals(0.0238048, d.standardError(), 1e-7);
        assertEquals(0.09, d.difference(), 1e-12);
        assertEquals(Verdict.HOLDS, d.verdict());
        // A margin of 0.05: d = 0.04 < 2 SE = 0.0476.
        assertEquals(Verdict.NOT_DISTINGUISHABLE, SeedRule.compare(Sample.of(0.90, 0.94), Sample.of(0.80, 0.82, 0.84, 0.86), 0.05).verdict());
    }

    @Test
    void oneSeedIsNotDecidedAndNoSeedIsRefused() {
        SeedRule.Difference d = SeedRule.compare(Sample.of(0.99), B, 0);
        assertEquals(Verdict.ONE_SEED, d.verdict());
        assertEquals(0.04, d.difference(), 1e-12);
        assertTrue(Double.isNaN(d.standardError()));
        assertEquals("+0.0400, SE none", d.describe());
        assertThrows(IllegalArgumentException.class, () -> SeedRule.compare(new Sample(List.of()), B, 0));
        // Identical runs: SE 0, a zero difference is not distinguishable, any positive one holds.
        assertEquals(Verdict.NOT_DISTINGUISHABLE, SeedRule.compare(Sample.of(0.5, 0.5), Sample.of(0.5, 0.5), 0).verdict());
        assertEquals(Verdict.HOLDS, SeedRule.compare(Sample.of(0.51, 0.51), Sample.of(0.5, 0.5), 0).verdict());
    }

    @Test
    void severalClaimsHoldOnlyTogether() {
        assertEquals(Verdict.HOLDS, SeedRule.all(List.of(Verdict.HOLDS, Verdict.HOLDS)));
        assertEquals(Verdict.NOT_DISTINGUISHABLE, SeedRule.all(List.of(Verdict.HOLDS, Verdict.NOT_DISTINGUISHABLE)));
        assertEquals(Verdict.ONE_SEED, SeedRule.all(List.of(Verdict.NOT_DISTINGUISHABLE, Verdict.ONE_SEED, Verdict.HOLDS)));
        assertEquals(Verdict.FAILS, SeedRule.all(List.of(Verdict.ONE_SEED, Verdict.FAILS, Verdict.HOLDS)));
    }
}
