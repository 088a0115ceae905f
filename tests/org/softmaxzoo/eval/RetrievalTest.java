package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.softmaxzoo.testing.CirclePoints.at;
import static org.softmaxzoo.testing.CirclePoints.rows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetrievalTest {

    @Test
    void sevenPointsWorkedOutByHand() {
        // Angles in degrees (radii vary: cosine ranking must ignore them):
        //   class A: a1 0, a2 12, a3 40;  class B: b1 30, b2 75;  class C: c2 105, c1 190.
        // R = 2 for A, 1 for B and C. Angular distances to the others, nearest first:
        //   a1: a2 12, b1 30, a3 40, ...    first R=2: A B -> P@1 1, R-prec 1/2, AP@R (1/1)/2 = 1/2
        //   a2: a1 12, b1 18, a3 28, ...    first 2:  A B -> 1, 1/2, 1/2
        //   a3: b1 10, a2 28, b2 35, ...    first 2:  B A -> 0, 1/2, (1/2)/2 = 1/4
        //   b1: a3 10, a2 18, ...           first 1:  A   -> 0, 0, 0
        //   b2: c2 30, a3 35, b1 45, ...    first 1:  C   -> 0, 0, 0
        //   c2: b2 30, a3 65, b1 75, c1 85  first 1:  B   -> 0, 0, 0
        //   c1: c2 85, b2 115, ...          first 1:  C   -> 1, 1, 1
        // P@1 = 3/7, R-precision = (1/2 + 1/2 + 1/2 + 1)/7 = 5/14, MAP@R = (1/2 + 1/2 + 1/4 + 1)/7 = 9/28.
        float[] f = rows(at(0, 1), at(12, 3), at(40, 0.5), at(30, 2), at(75, 1), at(105, 4), at(190, 0.2));
        int[] labels = {0, 0, 0, 1, 1, 2, 2};
        Retrieval r = Retrieval.of(f, 2, labels);
        assertEquals(3.0 / 7, r.precisionAt1(), 1e-12);
        assertEquals(5.0 / 14, r.rPrecision(), 1e-12);
        assertEquals(9.0 / 28, r.mapAtR(), 1e-12);
        assertEquals(7, r.queries());
        assertEquals(0, r.loneQueries());
    }

    @Test
    void mapAtRWeighsWhereTheHitsFall() {
        // Class 0 has 4 members (R = 3), class 1 two (R = 1). Angles: q0 0, p 4, x 9 (class 1), p' 20,
        // y 32 (class 1), p'' 170 (all distances below are distinct: no ties). First R neighbours:
        //   q0:  p 4, x 9, p' 20            -> relevant 1 0 1: P@1 1, R-prec 2/3, AP@R (1/1 + 2/3)/3 = 5/9
        //   p:   q0 4, x 5, p' 16           -> 1 0 1: 1, 2/3, 5/9
        //   p':  x 11, y 12, p 16           -> 0 0 1: 0, 1/3, (1/3)/3 = 1/9
        //   p'': y 138, p' 150, x 161       -> 0 1 0: 0, 1/3, (1/2)/3 = 1/6
        //   x:   p 5                        -> 0
        //   y:   p' 12                      -> 0
        // P@1 = 2/6; R-precision = (2/3 + 2/3 + 1/3 + 1/3)/6 = 1/3;
        // MAP@R = (5/9 + 5/9 + 1/9 + 1/6)/6 = (10 + 10 + 2 + 3)/18/6 = 25/108 (R-precision would give 1/3).
        float[] f = rows(at(0, 1), at(4, 1), at(9, 1), at(20, 1), at(32, 1), at(170, 1));
        int[] labels = {0, 0, 1, 0, 1, 0};
        Retrieval r = Retrieval.of(f, 2, labels);
        assertEquals(2.0 / 6, r.precisionAt1(), 1e-12);
        assertEquals(1.0 / 3, r.rPrecision(), 1e-12);
        assertEquals(25.0 / 108, r.mapAtR(), 1e-12);
    }

    @Test
    void oneClassRetrievesOnlyRelevantItems() {
        float[] f = rows(at(0, 1), at(90, 1), at(180, 1), at(270, 1), at(45, 2));
        Retrieval r = Retrieval.of(f, 2, new int[] {3, 3, 3, 3, 3});
        assertEquals(1, r.precisionAt1(), 0);
        assertEquals(1, r.rPrecision(), 0);
        assertEquals(1, r.mapAtR(), 0);
    }

    @Test
    void aSingletonClassIsLeftOutOfTheAverageButStaysANeighbour() {
        // x0 at 0 and x1 at 10 (class 0) find each other first; x2 (class 1, at 90) is alone: R = 0,
        // left out. Counting it (its neighbour is class 0) would give P@1 2/3, not 1.
        Retrieval r = Retrieval.of(rows(at(0, 1), at(10, 1), at(90, 1)), 2, new int[] {0, 0, 1});
        assertEquals(1, r.precisionAt1(), 0);
        assertEquals(2, r.queries());
        assertEquals(1, r.loneQueries());
        // As a neighbour it still counts: x0 at 0, x1 at 90 (class 0), the singleton at 10 beats x1 for both.
        Retrieval s = Retrieval.of(rows(at(0, 1), at(90, 1), at(10, 1)), 2, new int[] {0, 0, 1});
        assertEquals(0, s.precisionAt1(), 0);
        assertEquals(0, s.mapAtR(), 0);
        // All singletons: nothing to average.
        Retrieval none = Retrieval.of(rows(at(0, 1), at(90, 1)), 2, new int[] {0, 1});
        assertTrue(Double.isNaN(none.precisionAt1()) && Double.isNaN(none.rPrecision()) && Double.isNaN(none.mapAtR()));
        assertEquals(2, none.loneQueries());
    }

    @Test
    void exactTiesGoToTheLowerIndex() {
        // q = (1, 0) is at exactly 45 degrees from (1, 1) (its class) and from (1, -1) (another class).
        // Order [q, other, same]: the other class's item has the lower index, comes first: q scores 0;
        // the same-class item finds q (cos 1/sqrt 2 against 0): 1; the other item is alone. P@1 = 1/2.
        Retrieval otherFirst = Retrieval.of(new float[] {1, 0, 1, -1, 1, 1}, 2, new int[] {0, 1, 0});
        assertEquals(0.5, otherFirst.precisionAt1(), 0);
        // Order [q, same, other]: the same-class item wins the tie: P@1 = 1.
        Retrieval sameFirst = Retrieval.of(new float[] {1, 0, 1, 1, 1, -1}, 2, new int[] {0, 0, 1});
        assertEquals(1, sameFirst.precisionAt1(), 0);
    }

    @Test
    void anExactDuplicateOfTheQueryIsStillItsNeighbour() {
        // Items 0 and 1 are identical (class 0); item 2 (class 1) sits at 1 degree. Removing the query by
        // index leaves its duplicate as its nearest neighbour: P@1 of both is 1.
        Retrieval r = Retrieval.of(rows(at(0, 1), at(0, 1), at(1, 1)), 2, new int[] {0, 0, 1});
        assertEquals(1, r.precisionAt1(), 0);
    }

    @Test
    void selectionAndOrderingAgreeWithAFullSort() {
        SplittableRandom random = new SplittableRandom(7);
        long[] a = random.longs(1000).toArray();
        long[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int k : new int[] {1, 2, 17, 500, 999, 1000}) {
            long[] b = a.clone();
            Retrieval.selectSmallest(b, b.length, k);
            Arrays.sort(b, 0, k);
            assertEquals(Arrays.toString(Arrays.copyOf(sorted, k)), Arrays.toString(Arrays.copyOf(b, k)), "k = " + k);
        }
        // Higher similarity first; equal similarity: lower index first; -0 and 0 are equal.
        assertTrue(Retrieval.rankKey(0.5f, 9) < Retrieval.rankKey(0.25f, 1));
        assertTrue(Retrieval.rankKey(-0.25f, 9) < Retrieval.rankKey(-0.5f, 1));
        assertTrue(Retrieval.rankKey(0.1f, 1) < Retrieval.rankKey(0.1f, 2));
        assertTrue(Retrieval.rankKey(-0.0f, 1) < Retrieval.rankKey(0.0f, 2));
    }

    @Test
    void rejectsFeaturesOfTheWrongShape() {
        assertThrows(IllegalArgumentException.class, () -> Retrieval.of(new float[5], 2, new int[] {0, 1, 2}));
    }
}
