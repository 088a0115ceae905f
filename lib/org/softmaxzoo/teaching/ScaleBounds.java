package org.softmaxzoo.teaching;

/**
 * Why normalized heads need a scale, in closed form. With features and weights on the unit sphere
 * every logit is a cosine in [-1, 1], so the softmax can never become confident; these are the
 * formulas the normalization notebook plots.
 */
public final class ScaleBounds {
    private ScaleBounds() {
    }

    /**
     * NormFace's lower bound of the softmax loss when features and class weights are normalized to
     * norm {@code l} (logits l^2 cos theta) over {@code n} classes: log(1 + (n - 1) e^{-n/(n-1) l^2})
     * (Wang et al., NormFace, 2017, Proposition 2). At l = 1 and n = 10575 (CASIA-WebFace) it is 8.27:
     * the loss cannot fall below that without a scale.
     */
    public static double normFaceLowerBound(int n, double l) {
        requireClasses(n);
        return Math.log1p((n - 1) * Math.exp(-(double) n / (n - 1) * l * l));
    }

    /**
     * CosFace's lower bound on the scale s for the target class's posterior to reach at least
     * {@code p} over {@code c} classes when the features sit at their class centres:
     * s >= (c - 1)/c * log((c - 1) p / (1 - p)) (Wang et al., CosFace, 2018, Eq. 6).
     */
    public static double cosFaceMinScale(int c, double p) {
        requireClasses(c);
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("target probability must be in (0, 1), got " + p);
        }
        return (c - 1.0) / c * Math.log((c - 1) * p / (1 - p));
    }

    /**
     * The size of the cross-entropy's gradient with respect to the target cosine, s (1 - p_y), for logits
     * s cos theta_y and s cos theta_o for each of the other c - 1 classes: how hard a sample at angle
     * theta_y still pulls at scale s. Large scales saturate easy samples (gradient near 0) and push only
     * hard ones; small scales keep pulling everything, which is the heated-up softmax's argument for
     * starting large and ending small.
     */
    public static double targetCosineGradient(double s, double cosTarget, double cosOther, int c) {
        requireClasses(c);
        // 1 - p_y = r / (1 + r) with r = (c - 1) e^{s (cos_o - cos_y)}: no cancellation when p_y is near 1.
        double r = (c - 1) * Math.exp(s * (cosOther - cosTarget));
        return s * r / (1 + r);
    }

    /**
     * The loss of a feature lying exactly on its class weight when the c class weights are spread evenly
     * round a circle (the best that 2-d features can do): target logit s f, the others s cos(2 pi j / c),
     * log(1 + sum_{j=1}^{c-1} e^{s (cos(2 pi j / c) - f)}). f is the head's target at theta = 0 (1 for
     * NormFace and ArcFace, 1 - m for CosFace): a margin head whose best loss stays high cannot be fitted
     * in the plane, whatever the network does.
     */
    public static double planarLossOnWeight(double s, double targetAtZero, int c) {
        requireClasses(c);
        double sum = 0;
        for (int j = 1; j < c; j++) {
            sum += Math.exp(s * (Math.cos(2 * Math.PI * j / c) - targetAtZero));
        }
        return Math.log1p(sum);
    }

    /**
     * The softmax probability of the target class when its logit is s cos theta_y and each of the other
     * c - 1 logits is s cos theta_o: 1 / (1 + (c - 1) e^{s (cos theta_o - cos theta_y)}). The material's
     * examples: s = 1, cos theta_y = 1, others 0, c = 4 (logits {1, 0, 0, 0}, exponentials {e, 1, 1, 1})
     * gives 47.54%; s = 60 gives 100% to double precision; NormFace's best case with unit norms
     * (cos theta_y = 1, every other cosine -1) gives 0.45 for c = 10 and 0.007 for c = 1000.
     */
    public static double targetProbability(double s, double cosTarget, double cosOther, int c) {
        requireClasses(c);
        return 1 / (1 + (c - 1) * Math.exp(s * (cosOther - cosTarget)));
    }

    private static void requireClasses(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + n);
        }
    }
}
