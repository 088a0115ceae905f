package org.softmaxzoo.heads;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed, validated access to one term's arguments; every error names the term and what it accepts. */
public final class SpecArgs {
    private final String term;
    private final Map<String, String> args;

    SpecArgs(String term, Map<String, String> args, Set<String> accepted) {
        this.term = term;
        this.args = args;
        for (String key : args.keySet()) {
            if (!accepted.contains(key)) {
                throw new SpecException("unknown argument '" + key + "' for '" + term + "'; accepted: "
                        + (accepted.isEmpty() ? "none" : String.join(", ", new TreeSet<>(accepted))));
            }
        }
    }

    public boolean has(String key) {
        return args.containsKey(key);
    }

    public double number(String key, double fallback) {
        String v = args.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new SpecException(term + ": " + key + "=" + v + " is not a finite number");
        }
    }

    /** A number that must be strictly positive. */
    public double positive(String key, double fallback) {
        double d = number(key, fallback);
        if (d <= 0) {
            throw new SpecException(term + ": " + key + " must be > 0, got " + SpecNumbers.format(d));
        }
        return d;
    }

    /** A number in [min, max]. */
    public double range(String key, double fallback, double min, double max) {
        double d = number(key, fallback);
        if (d < min || d > max) {
            throw new SpecException(term + ": " + key + " must be in [" + SpecNumbers.format(min) + ", "
                    + SpecNumbers.format(max) + "], got " + SpecNumbers.format(d));
        }
        return d;
    }

    /** An integer in [min, max]. */
    public int integer(String key, int fallback, int min, int max) {
        double d = number(key, fallback);
        if (d != Math.rint(d) || d < min || d > max) {
            throw new SpecException(term + ": " + key + " must be an integer from " + min + " to " + max + ", got "
                    + SpecNumbers.format(d));
        }
        return (int) d;
    }

    /** An angle in radians, or in degrees with a {@code deg} suffix ({@code m=30deg}), in [min, max) radians. */
    public double angle(String key, double fallback, double min, double max) {
        String v = args.get(key);
        double radians = fallback;
        if (v != null) {
            boolean degrees = v.endsWith("deg");
            String number = degrees ? v.substring(0, v.length() - 3) : v;
            try {
                radians = Double.parseDouble(number) * (degrees ? Math.PI / 180 : 1);
            } catch (NumberFormatException e) {
                throw new SpecException(term + ": " + key + "=" + v + " is not an angle (radians, or degrees as 30deg)");
            }
        }
        if (!(radians >= min && radians < max)) {
            throw new SpecException(term + ": " + key + " must be in [" + SpecNumbers.format(min) + ", pi) radians, got "
                    + (v != null ? v : SpecNumbers.format(radians)));
        }
        return radians;
    }

    /** The raw text of a value (null when absent), for keys that take a word or a number. */
    public String text(String key) {
        return args.get(key);
    }

    /** One of the allowed words. */
    public String choice(String key, String fallback, java.util.List<String> allowed) {
        String v = args.getOrDefault(key, fallback);
        if (!allowed.contains(v)) {
            throw new SpecException(term + ": " + key + " must be one of " + String.join(", ", allowed) + ", got " + v);
        }
        return v;
    }

    public boolean bool(String key, boolean fallback) {
        String v = args.get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SpecException(term + ": " + key + "=" + v + " must be true or false");
        };
    }

    /** A scale: a positive number, or {@code learn} (trainable, starting at {@code initKey}'s value). */
    public Scale scale(String key, double fallback, String initKey, double initFallback) {
        if ("learn".equals(args.get(key))) {
            return Scale.learnable((float) positive(initKey, initFallback));
        }
        if (has(initKey)) {
            throw new SpecException(term + ": " + initKey + " only applies with " + key + "=learn");
        }
        return Scale.fixed((float) positive(key, fallback));
    }
}
