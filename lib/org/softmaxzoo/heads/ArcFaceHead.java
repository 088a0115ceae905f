package org.softmaxzoo.heads;

/**
 * ArcFace (additive angular margin): normalized features and weights, target logit s cos(theta_y + m),
 * computed as cos(theta) cos(m) - sin(theta) sin(m), with the fallback cos(theta) - m sin(m) where
 * theta + m would pass pi ({@link ArcMargin}; {@code fallback=false} keeps cos(theta + m) there, as
 * implementations without the fallback do); other logits s cos(theta_j).
 * <p>Two-class decision boundary for class 1: theta_1 + m = theta_2, a margin of m radians in angle
 * (geodesic distance on the hypersphere).
 * <p>Deng, Guo, Xue and Zafeiriou, "ArcFace: Additive Angular Margin Loss for Deep Face Recognition", CVPR 2019.
 */
public final class ArcFaceHead extends ScaledCosineHead {
    private final ArcMargin margin;

    public ArcFaceHead(Scale scale, float m, boolean easyMargin) {
        this(scale, new ArcMargin(m, easyMargin));
    }

    /** {@code fallback = false}: cos(theta + m) as written past pi - m too (see {@link ArcMargin}). */
    public ArcFaceHead(Scale scale, float m, boolean easyMargin, boolean fallback) {
        this(scale, new ArcMargin(m, easyMargin, fallback));
    }

    private ArcFaceHead(Scale scale, ArcMargin margin) {
        super(scale, margin);
        this.margin = margin;
    }

    @Override
    public String spec() {
        return "arcface(s=" + scale.specValue() + ",m=" + SpecNumbers.format(margin.m())
                + (margin.easyMargin() ? ",easy_margin=true" : "") + (margin.fallback() ? "" : ",fallback=false") + ")";
    }
}
