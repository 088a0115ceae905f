package org.softmaxzoo.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.eval.NearestNeighbours;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "knn", mixinStandardHelpOptions = true,
        description = "k-nearest-neighbour test accuracy on raw pixels: a model-free check of a data set's split "
                + "against published k-NN numbers.")
final class KnnCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "mnist or fashion_mnist")
    String dataset;

    @Option(names = "-k", split = ",", defaultValue = "1,3", description = "Neighbour counts. Default: ${DEFAULT-VALUE}")
    int[] ks;

    @Mixin
    DataOption data;

    @Override
    public Integer call() {
        Datasets.Split split = data.datasets().load(DatasetKind.parse(dataset));
        long start = System.nanoTime();
        int[][] nearest = NearestNeighbours.nearest(split.train(), split.test(), Arrays.stream(ks).max().orElseThrow());
        System.out.printf(Locale.ROOT, "%s: neighbours of %d test among %d train images in %.0f s%n", dataset, split.test().size(),
                split.train().size(), (System.nanoTime() - start) / 1e9);
        for (int k : ks) {
            System.out.printf(Locale.ROOT, "%s: %d-NN (Euclidean, raw pixels) test accuracy %.4f%n", dataset, k,
                    NearestNeighbours.accuracy(nearest, split.train(), split.test(), k));
        }
        return 0;
    }
}
