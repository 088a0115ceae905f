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
