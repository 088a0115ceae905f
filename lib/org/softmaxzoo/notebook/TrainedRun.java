package org.softmaxzoo.notebook;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softmaxzoo.data.ImageSet;
import org.softmaxzoo.eval.ClassGeometry;
import org.softmaxzoo.eval.ClassSpread;
import org.softmaxzoo.eval.EmbeddingGeometry;
import org.softmaxzoo.eval.Predictions;
import org.softmaxzoo.heads.HeadEvaluator;
import org.softmaxzoo.heads.catalog.SubCentreDrop;
import org.softmaxzoo.heads.core.ClassWeights;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.plot.Figures;
import org.softmaxzoo.plot.GeometryFigure;
import org.softmaxzoo.plot.PetalPlot;
import org.softmaxzoo.plot.SpherePlot;
import org.softmaxzoo.train.RunResult;

/**
 * A finished notebook run: its worklog, the test set's features and every variable's final value.
 *
 * @param features    test features, n x d row-major
 * @param predictions the head's predicted class for each test image
 * @param values   every variable of the graph by name (class weights {@link LossHead#WEIGHT}, ...)
 */
public record TrainedRun(RunResult result, String trainingSetLabel, ImageSet test, float[] features, int[] predictions,
                         Map<String, float[]> values) {

    /** The class weights W, d x C. */
    public float[] weights() {
        return value(LossHead.WEIGHT);
    }

    /**
     * For a Sub-center ArcFace run with K sub-centres per class: how many test images of each class are nearest
     * to each of its sub-centres, [class][sub-centre] (the votes its drop of sub-centres counts on the training set).
     */
    public int[][] subCentreVotes(int k) {
        int classes = test.numClasses();
        return SubCentreDrop.votes(Predictions.cosines(features, weights(), k * classes), test.labels(), classes, k);
    }

    /** ||x|| of each test feature, in test order. */
    public double[] featureNorms() {
        return EmbeddingGeometry.norms(features, result.config().featureDim());
    }

    /** The class biases, or null when the head has none. */
    public float[] bias() {
        return values.get(LossHead.BIAS);
    }

    public float[] value(String name) {
        float[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("run " + result.config().name() + " has no variable " + name);
        }
        return v;
    }

    public double testAccuracy() {
        return result.last().testAccuracy();
    }

    /** For each class, the fraction of its test images the head predicts correctly. */
    public double[] recallPerClass() {
        return Predictions.recallPerClass(predictions, test.labels(), test.numClasses());
    }

    public ClassGeometry geometry() {
        return ClassGeometry.of(features, test.labels(), weights(), bias(), test.numClasses());
    }

    /**
     * The geometry diagnostics of the test features: pair angles, per-class spread, norms, and the class weights'
     * angles when the head has one weight per class (a sub-centre head's K per class are left out).
     */
    public EmbeddingGeometry embeddingGeometry() {
        int d = result.config().featureDim();
        float[] w = weights();
        return EmbeddingGeometry.of(features, d, test.labels(), w.length == d * test.numClasses() ? w : null, test.numClasses());
    }

    /**
     * Several runs' geometry side by side ({@link GeometryFigure}: pair-angle histograms, per-class spread and nearest
     * weight, feature norms; one legend entry per run, named by its head), also written to {@code figures/<fileStem>.png}.
     */
    public static BufferedImage geometryFigure(String title, String fileStem, List<TrainedRun> runs) {
        Map<String, EmbeddingGeometry> sets = new LinkedHashMap<>();
        runs.forEach(r -> sets.put(r.result().config().head(), r.embeddingGeometry()));
        BufferedImage image = GeometryFigure.render(title, sets);
        Figures.writePng(image, Notebook.figures().resolve(fileStem + ".png"));
        return image;
    }

    /**
     * The mean loss of {@code spec} on this run's test features, class weights and bias, over the first {@code batches}
     * batches of {@code batch} test images ({@link HeadEvaluator#meanOverBatches}): how large a term
     * is against the cross-entropy on the features the run learned.
     */
    public double meanLoss(String spec, int batch, int batches) {
        return HeadEvaluator.meanOverBatches(spec, features, weights(), result.config().featureDim(),
                test.labels(), bias(), batch, batches);
    }

    /** Euclidean compactness of each class's test features (distance to the class mean, to the nearest other mean). */
    public ClassSpread spread() {
        return ClassSpread.of(features, test.labels(), test.numClasses());
    }

    /** "MNIST, head softmax, 5 epochs, test acc 0.9612" (and the training set's label when it has one). */
    public String describe() {
        return String.format(Locale.ROOT, "%s%s, head %s, %d epoch%s, test acc %.4f", result.config().dataset().experimentName(),
                trainingSetLabel.isEmpty() ? "" : " (" + trainingSetLabel + ")", result.config().head(),
                result.last().epoch(), result.last().epoch() == 1 ? "" : "s", testAccuracy());
    }

    /**
     * The petal figure of the test features, titled with the run, also written to {@code figures/<fileStem>.png}:
     * the plane for d = 2, the unit sphere's three hemisphere views ({@link SpherePlot}) for d = 3.
     */
    public BufferedImage petal(String fileStem) {
        int d = result.config().featureDim();
        BufferedImage image = d == 3
                ? SpherePlot.render(features, test.labels(), ClassWeights.kept(values), test.numClasses(), describe())
                : PetalPlot.render(features, test.labels(), ClassWeights.kept(values), test.numClasses(), describe());
        Figures.writePng(image, Notebook.figures().resolve(fileStem + ".png"));
        return image;
    }
}
