package org.softmaxzoo.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImageSetTest {
    /** One-pixel images whose pixel is their index, so a selection shows which images it kept. */
    private static final ImageSet SET = new ImageSet(new float[] {0, 1, 2, 3, 4, 5, 6, 7}, new int[] {0, 1, 0, 0, 1, 0, 2, 0}, 1, 1, 3);

    @Test
    void thinClassKeepsTheFirstShareOfThatClassAndAllOthers() {
        // class 0 has 5 images (0, 2, 3, 5, 7); 40% of 5 = 2 -> images 0 and 2.
        ImageSet thin = SET.thinClass(0, 0.4);
        assertArrayEquals(new float[] {0, 1, 2, 4, 6}, thin.pixels());
        assertArrayEquals(new int[] {0, 1, 0, 1, 2}, thin.labels());
        // never fewer than one image
        assertArrayEquals(new int[] {0, 1, 1, 2}, SET.thinClass(0, 0.01).labels());
        assertThrows(IllegalArgumentException.class, () -> SET.thinClass(0, 0));
    }

    @Test
    void classCountsAreTheLabelHistogram() {
        // labels 0, 1, 0, 0, 1, 0, 2, 0: five 0s, two 1s, one 2
        assertArrayEquals(new int[] {5, 2, 1}, SET.classCounts());
        assertArrayEquals(new int[] {2, 2, 1}, SET.thinClass(0, 0.4).classCounts());
    }
}
