package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VerificationTest {

    @Test
    void perfectSeparationHasAreaOneAndNoErrors() {
        Verification.Roc roc = Verification.roc(new double[] {0.9, 0.8, 0.3, 0.1}, new boolean[] {true, true, false, false});
        assertEquals(1.0, roc.auc(), 1e-12);
        assertEquals(0.0, roc.equalErrorRate(), 1e-12);
        assertEquals(1.0, roc.tarAtFar(0), 1e-12);
    }

    @Test
    void handWorkedExample() {
        // Scores: same 0.9, 0.6, 0.4; different 0.7, 0.5, 0.1. Pairs (same > different) out of 9:
        // 0.9 beats all 3, 0.6 beats 0.5 and 0.1, 0.4 beats 0.1: 6/9.
        double[] s = {0.9, 0.6, 0.4, 0.7, 0.5, 0.1};
        boolean[] same = {true, true, true, false, false, false};
        Verification.Roc roc = Verification.roc(s, same);
        assertEquals(6.0 / 9, roc.auc(), 1e-12);
        assertEquals(1.0 / 3, roc.tarAtFar(0), 1e-12); // accept only 0.9
        assertEquals(2.0 / 3, roc.tarAtFar(1.0 / 3), 1e-12); // accept down to 0.6 (0.7 is a false accept)
        assertEquals(1.0 / 3, roc.equalErrorRate(), 1e-12);
    }

    @Test
    void tiesCountHalf() {
        Verification.Roc roc = Verification.roc(new double[] {0.5, 0.5}, new boolean[] {true, false});
        assertEquals(0.5, roc.auc(), 1e-12);
    }

    @Test
    void areaEqualsTheMannWhitneyProbability() {
        Random r = new Random(5);
        int n = 300;
        double[] s = new double[2 * n];
        boolean[] same = new boolean[2 * n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextGaussian() + 1;
            same[i] = true;
            s[n + i] = Math.round(r.nextGaussian() * 4) / 4.0; // some ties
        }
        double wins = 0;
        for (int i = 0; i < n; i++) {
            for (int j = n; j < 2 * n; j++) {
                wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
            }
        }
        assertEquals(wins / (n * n), Verification.roc(s, same).auc(), 1e-12);
    }

    @Test
    void needsBothKindsOfPairs() {
        assertThrows(IllegalArgumentException.class, () -> Verification.roc(new double[] {1}, new boolean[] {true}));
    }
}
