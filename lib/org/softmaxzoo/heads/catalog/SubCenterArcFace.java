package org.softmaxzoo.heads.catalog;

import java.util.List;
import org.softmaxzoo.graph.Initializer;
import org.softmaxzoo.graph.Parameters;
import org.softmaxzoo.heads.core.ClassWeights;
import org.softmaxzoo.heads.core.CosineHead;
import org.softmaxzoo.heads.core.EpochHook;
import org.softmaxzoo.heads.core.HeadInput;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.core.Radius;
import org.softmaxzoo.heads.core.Scale;
import org.softmaxzoo.heads.margins.ArcMargin;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.Param;
import org.softmaxzoo.heads.spec.SpecArgs;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceMax;
import org.tensorflow.types.TFloat32;

/**
 * Sub-center ArcFace: each class has K sub-centres, the columns of the class weight W (d x KC; column
 * k C + c is sub-centre k of class c, so the first C columns are one full set). A sample's cosine to class
 * c is the largest over its sub-centres, cos theta_c = max_k cos(x, W_{k,c}), normalized features and
 * weights; then ArcFace's target s cos(theta_y + m) with the fallback cos theta_y - m sin m past pi - m
 * ({@link ArcMargin}); other logits s cos theta_j. A noisy sample can sit near a non-dominant sub-centre
 * of its class instead of pulling the dominant one towards it; the gradient of the max reaches only the
 * nearest sub-centre. With k = 1 it is ArcFace.
 * <p>Two-class decision boundary for class 1: theta_1 + m = theta_2 with theta_c the angle to the nearest
 * sub-centre of class c: ArcFace's boundary, drawn around whichever sub-centres are closest, so a class's
 * region is a union of up to K cones.
 * <p>Defaults are the paper's: K = 3, s = 64, m = 0.5 (512-d features of a deep face network). With 2-d
 * features s = 10, as the grid's other normalized heads; K = 3 puts 30 sub-centres on the circle for 10
 * classes, which 2-d can still draw (the petal figure shows every sub-centre in its class's colour).
 * <p>Dropping non-dominant sub-centres ({@code drop_epoch=E}, off by default): after the training pass of
 * epoch E, each training sample votes for the sub-centre of its class it is nearest to, the one with the
 * most votes is the class's dominant sub-centre (ties to the lower index; a class without a training
 * sample keeps all), and the others are dropped for the rest of the run ({@link SubCentreDrop}): their cosines enter the max as -2, below any cosine, so
 * cos theta_c = cos(x, W_{k*(c),c}) for the dominant k*(c) and the head is ArcFace with the dominant
 * sub-centres as its class weights. As the paper says, once the model discriminates well the
 * non-dominant sub-centres hold the hard and the noisy samples; dropping them brings back ArcFace's
 * intra-class compactness. The kept/dropped mask is non-trainable state ({@value #MASK}, KC values 1 or
 * 0, column k C + c as W), so the checkpoint of epoch E and every later one carries it and a resumed run
 * keeps the drop. Its own epoch's test accuracy is measured after the drop. Dropped columns stay in W
 * (no gradient reaches them); figures draw W through {@link ClassWeights#kept}, without them.
 * <p>Not implemented: the paper also drops high-confidence noisy samples (angle to the dominant
 * sub-centre above 75 degrees) and trains on the cleaned set. That changes the training set mid-run:
 * the trainer's per-epoch shuffle, its per-sample loss and accuracy and the resume would all need the
 * list of kept samples, which the checkpoint (variables only) does not hold; and 75 degrees is a
 * threshold for 512-d face features, not for 2-d ones. A run can instead be retrained with
 * {@code arcface} on data cleaned by hand.
 * <p>Deng, Guo, Liu, Zafeiriou and others, "Sub-center ArcFace: Boosting Face Recognition by Large-scale
 * Noisy Web Faces", ECCV 2020.
 */
public final class SubCenterArcFace extends CosineHead {
    /** Which sub-centres are kept (1) or dropped (0), KC values; only in the graph when {@code drop_epoch > 0}. */
    public static final String MASK = ClassWeights.KEPT_COLUMNS;

    public static final Declaration<LossHead> DECLARATION = new Declaration<>("subcenter", List.of("subcenterarcface"),
            List.of(Param.learnable("s", "64"), Param.positive("s_init", 10), Param.angle("m", 0.5, 0, Math.PI),
                    Param.integer("k", 3, 1, 64), Param.flag("fallback", true),
                    Param.integer("drop_epoch", 0, 0, 100_000).printed(false)),
            new Declaration.About("features and sub-centres to unit norm", "scale s (fixed or learned)",
                    "cos(theta + m) on the nearest sub-centre's angle, cos theta - m sin m past pi - m",
                    "s cos(theta_y + m), cos theta_c = max over the K sub-centres of class c",
                    "Sub-center ArcFace (Deng et al. 2020)"),
            a -> {
                SpecArgs.Learnable s = a.learnable("s", "s_init");
                double m = a.number("m");
                a.requireFiniteLogits("s * (1 + m)", s.value() * (1 + m));
                return new SubCenterArcFace(Scale.of(s), (float) m, a.integer("k"), a.bool("fallback"), a.integer("drop_epoch"), a.spec());
            });

    private final int k;
    private final int dropEpoch;

    private SubCenterArcFace(Scale s, float m, int k, boolean fallback, int dropEpoch, String spec) {
        super(spec, Radius.scale(s), new ArcMargin(m, false, fallback));
        this.k = k;
        this.dropEpoch = dropEpoch;
    }

    /** K sub-centres per class: d x KC, started like nn.Linear's weight. */
    @Override
    protected Operand<TFloat32> classWeights(Ops tf, HeadInput in, Parameters params) {
        return params.trainable(LossHead.WEIGHT, Shape.of(in.featureDim(), (long) k * in.numClasses()), Initializer.fanIn(in.featureDim()));
    }

    /**
     * The cosine to each sub-centre (N x KC), dropped ones read as -2 when dropping is on, viewed as
     * N x K x C, the largest over K.
     */
    @Override
    protected Operand<TFloat32> classCosines(Ops tf, HeadInput in, Operand<TFloat32> weights, Parameters params) {
        Operand<TFloat32> all = super.classCosines(tf, in, weights, params);
        if (dropEpoch > 0) {
            // mask 1: the cosine itself; mask 0: -2, which the max never picks over a kept sub-centre
            Operand<TFloat32> mask = params.state(MASK, Shape.of((long) k * in.numClasses()), Initializer.constant(1));
            all = tf.math.add(tf.math.mul(all, mask), tf.math.mul(tf.math.sub(mask, tf.constant(1f)), tf.constant(2f)));
        }
        Operand<TFloat32> bySubCentre = tf.reshape(all, tf.constant(new int[] {-1, k, in.numClasses()}));
        return tf.reduceMax(bySubCentre, tf.constant(1), ReduceMax.keepDims(false));
    }

    /** With {@code drop_epoch = E}: the drop after epoch E, voting on the unmasked sub-centre cosines. */
    @Override
    protected List<EpochHook> epochHooks(Ops tf, HeadInput in, Operand<TFloat32> weights, Parameters params) {
        if (dropEpoch == 0) {
            return List.of();
        }
        return List.of(new SubCentreDrop(super.classCosines(tf, in, weights, params), MASK, in.numClasses(), k, dropEpoch));
    }
}
