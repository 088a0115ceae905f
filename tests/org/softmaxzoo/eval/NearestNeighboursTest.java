package org.softmaxzoo.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.data.ImageSet;

class NearestNeighboursTest {
    /** 1x2 "images": points on a plane. */
    private static ImageSet points(float[][] xy, int[] labels) {
        float[] px = new float[xy.length * 2];
        for (int i = 0; i < xy.length; i++) {
            px[2 * i] = xy[i][0];
            px[2 * i + 1] = xy[i][1];
        }
        return new ImageSet(px, labels, 1, 2, 3);
    }

    @Test
    void findsTheNearestPointsByHand() {
        ImageSet train = points(new float[][] {{0, 0}, {1, 0}, {0, 2}, {5, 5}, {0.9f, 0.1f}}, new int[] {0, 1, 2, 2, 1});
        ImageSet test = points(new float[][] {{1, 0.05f}, {0, 1.2f}}, new int[] {1, 0});
        int[][] nearest = NearestNeighbours.nearest(train, test, 3);
        // (1, 0.05): distances^2 to the five points 1.0025, 0.0025, 4.8025, 40.5025, 0.0125.
        assertArrayEquals(new int[] {1, 4, 0}, nearest[0]);
        // (0, 1.2): 1.44, 2.44, 0.64, 39.44, 2.02.
        assertArrayEquals(new int[] {2, 0, 4}, nearest[1]);
        // 1-NN: class 1 (right), class 2 (wrong: label 0). 3-NN: {1,1,0} -> 1 (right); {2,0,1} all tied -> nearest, 2.
        assertEquals(0.5, NearestNeighbours.accuracy(nearest, train, test, 1), 1e-12);
        assertEquals(0.5, NearestNeighbours.accuracy(nearest, train, test, 3), 1e-12);
        // 2-NN for the second: {2, 0} tied -> the nearest, 2; the first: {1, 1} -> 1.
        assertEquals(0.5, NearestNeighbours.accuracy(nearest, train, test, 2), 1e-12);
    }

    @Test
    void agreesWithABruteForceSearchOnRandomImages() {
        Random r = new Random(3);
        int d = 50;
        float[] trainPx = new float[300 * d];
        float[] testPx = new float[70 * d];
        for (int i = 0; i < trainPx.length; i++) {
            trainPx[i] = r.nextFloat();
        }
        for (int i = 0; i < testPx.length; i++) {
            testPx[i] = r.nextFloat();
        }
        int[] trainLabels = r.ints(300, 0, 4).toArray();
        ImageSet train = new ImageSet(trainPx, trainLabels, 5, 10, 4);
        ImageSet test = new ImageSet(testPx, r.ints(70, 0, 4).toArray(), 5, 10, 4);
        int[][] nearest = NearestNeighbours.nearest(train, test, 5);
        for (int t = 0; t < 70; t++) {
            double[] dist = new double[300];
            for (int j = 0; j < 300; j++) {
                for (int p = 0; p < d; p++) {
                    double diff = testPx[t * d + p] - trainPx[j * d + p];
                    dist[j] += diff * diff;
                }
            }
            Integer[] order = java.util.stream.IntStream.range(0, 300).boxed().toArray(Integer[]::new);
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(j -> dist[j]));
            for (int m = 0; m < 5; m++) {
                assertEquals(order[m].intValue(), nearest[t][m], "test image " + t + ", neighbour " + m);
            }
        }
    }

    @Test
    void refusesAnImpossibleK() {
        ImageSet s = points(new float[][] {{0, 0}}, new int[] {0});
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbours.nearest(s, s, 0));
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbours.nearest(s, s, 2));
    }
}
