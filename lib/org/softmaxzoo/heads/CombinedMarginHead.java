package org.softmaxzoo.heads;

/**
 * Combined margin: target logit s (cos(m1 theta_y + m2) - m3) on normalized features and weights
 * ({@link CombinedMargin}); (m1, 0, 0), (1, m2, 0) and (1, 0, m3) are the SphereFace-style, ArcFace
 * and CosFace margins.
 * <p>Two-class decision boundary for class 1: cos(m1 theta_1 + m2) - m3 = cos(theta_2).
 * <p>Deng et al., "ArcFace", CVPR 2019, section on the combined margin (the insightface implementation).
 */
public final class CombinedMarginHead extends ScaledCosineHead {
    private final CombinedMargin margin;

    public CombinedMarginHead(Scale scale, float m1, float m2, float m3) {
        this(scale, new CombinedMargin(m1, m2, m3));
    }

    private CombinedMarginHead(Scale scale, CombinedMargin margin) {
        super(scale, margin);
        this.margin = margin;
    }

    @Override
    public String spec() {
        return "combined(s=" + scale.specValue() + ",m1=" + SpecNumbers.format(margin.m1()) + ",m2="
                + SpecNumbers.format(margin.m2()) + ",m3=" + SpecNumbers.format(margin.m3()) + ")";
    }
}
