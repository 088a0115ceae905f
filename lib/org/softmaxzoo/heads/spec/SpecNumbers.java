package org.softmaxzoo.heads.spec;

/** Formats hyper-parameters in spec strings without spurious digits (10, 0.35, 1e-05). */
public final class SpecNumbers {
    private SpecNumbers() {
    }

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return Float.toString((float) v);
    }
}
