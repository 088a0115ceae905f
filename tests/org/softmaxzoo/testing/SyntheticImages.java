package org.softmaxzoo.testing;

import java.util.Random;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.data.ImageSet;

/** Small learnable images for fast tests: class c lights up a c-dependent band of an 8x8 image, plus noise. */
public final class SyntheticImages {
    public static final int SIDE = 8;

    private SyntheticImages() {
    }

    public static ImageSet make(int count, int numClasses, long seed) {
        Random r = new Random(seed);
        float[] px = new float[count * SIDE * SIDE];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = r.nextInt(numClasses);
            for (int p = 0; p < SIDE * SIDE; p++) {
                int row = p / SIDE;
                boolean band = row * numClasses / SIDE == labels[i];
                px[i * SIDE * SIDE + p] = (band ? 0.8f : 0.1f) + 0.1f * r.nextFloat();
            }
        }
        return new ImageSet(px, labels, SIDE, SIDE, numClasses);
    }

    public static Datasets.Split split(int train, int test, int numClasses) {
        return new Datasets.Split(make(train, numClasses, 1), make(test, numClasses, 2));
    }
}
