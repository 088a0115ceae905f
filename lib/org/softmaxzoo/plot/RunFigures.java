package org.softmaxzoo.plot;

import java.nio.file.Path;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.heads.core.ClassWeights;
import org.softmaxzoo.train.RunFolder;
import org.softmaxzoo.train.RunResult;
import org.softmaxzoo.train.TrainingGraph;

/** Figures of a trained run, named after the run: data set, head and epochs are in the file name and title. */
public final class RunFigures {
    private RunFigures() {
    }

    /** The petal figure of a 2-d run from its folder's checkpoint (the network as trained), see {@link #petal(TrainingGraph, ImageSet, RunResult, Path)}. */
    public static Path petal(RunFolder folder, ImageSet test, RunResult run, Path figuresDir) {
        try (TrainingGraph graph = folder.graph(run.config(), test)) {
            return petal(graph, test, run, figuresDir);
        }
    }

    /** The petal figure of a 2-d run on the test set, written as {@code petal-<run>-e<epochs>.png}. */
    public static Path petal(TrainingGraph graph, ImageSet test, RunResult run, Path figuresDir) {
        if (run.config().featureDim() != 2) {
            throw new IllegalArgumentException("the petal figure needs 2-d features; " + run.config().name() + " has "
                    + run.config().featureDim());
        }
        int epoch = run.last().epoch();
        String title = String.format(java.util.Locale.ROOT, "%s, head %s, seed %d, epoch %d, test acc %.4f",
                run.config().dataset().experimentName(), run.config().head(), run.config().seed(), epoch, run.last().testAccuracy());
        var image = PetalPlot.render(graph.features(test), test.labels(), ClassWeights.kept(graph.values()), test.numClasses(), title);
        return Figures.writePng(image, RunFolder.at(run.runDir()).figure(figuresDir, "petal", epoch));
    }
}
