package org.softmaxzoo.notebook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softmaxzoo.testing.SyntheticImages;

/** A notebook's first output names the training images its runs use: all of them, or the subset it trains on. */
class LabDescribeTest {
    @Test
    void fullModeNamesTheTrainingImages() {
        // The tests run in full mode: SOFTMAX_ZOO_QUICK is set by run-all.sh --quick for the notebooks only.
        assertTrue(!Notebook.quick(), "SOFTMAX_ZOO_QUICK is set; run the tests without it");
        Lab lab = Lab.open(5);
        assertTrue(lab.describe().startsWith("full mode: 5 epochs on all training images, tested on all test images"), lab.describe());
        String subset = lab.describe(SyntheticImages.make(20000, 10, 1));
        assertTrue(subset.startsWith("full mode: 5 epochs on the first 20,000 training images, tested on all test images"), subset);
    }
}
