package org.softmaxzoo.testing;

/** 2-d features placed by angle and radius, for examples whose cosine rankings are worked out by hand. */
public final class CirclePoints {
    private CirclePoints() {
    }

    /** The point at {@code degrees} on the circle of radius {@code radius}. */
    public static float[] at(double degrees, double radius) {
        double t = Math.toRadians(degrees);
        return new float[] {(float) (radius * Math.cos(t)), (float) (radius * Math.sin(t))};
    }

    /** The points as an n x 2 row-major feature matrix. */
    public static float[] rows(float[]... points) {
        float[] out = new float[points.length * 2];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(points[i], 0, out, 2 * i, 2);
        }
        return out;
    }
}
