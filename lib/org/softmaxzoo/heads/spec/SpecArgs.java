package org.softmaxzoo.heads.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Typed, validated access to one term's arguments against its declared {@link Param}s: defaults,
 * ranges and units come from the declaration, every error names the term, the argument and what it
 * accepts. Each value read is remembered in canonical form, so {@link #spec()} prints back exactly
 * what was built.
 */
public final class SpecArgs {
    private final String term;
    private final Map<String, String> args;
    private final List<Param> params;
    private final Map<String, String> canonical = new LinkedHashMap<>();

    SpecArgs(String term, Map<String, String> args, List<Param> params) {
        this.term = term;
        this.args = args;
        this.params = params;
        for (String key : args.keySet()) {
            if (params.stream().noneMatch(p -> p.key().equals(key))) {
                TreeSet<String> accepted = new TreeSet<>();
                params.forEach(p -> accepted.add(p.key()));
                throw new SpecException("unknown argument '" + key + "' for '" + term + "'; accepted: "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted)));
            }
        }
    }

    public boolean has(String key) {
        return args.containsKey(key);
    }

    /** A number, an integer or an angle (in radians), checked against its declared range. */
    public double number(String key) {
        Param p = param(key);
        return number(key, p.min(), p.max());
    }

    /** A number checked against a range that depends on other arguments (such as lambda_min <= lambda_max). */
    public double number(String key, double min, double max) {
        return number(key, Double.NaN, min, max);
    }

    /**
     * A number whose default and range depend on other arguments (SphereFace's lambda_min defaults to
     * min(5, lambda_max)); {@code fallback} NaN means the declared default.
     */
    public double number(String key, double fallback, double min, double max) {
        Param p = param(key);
        String v = args.get(key);
        if (v == null && !Double.isNaN(fallback)) {
            double d = checked(p, fallback, min, max);
            remember(p, SpecNumbers.format((float) d));
            return d;
        }
        double d = switch (p.kind()) {
            case ANGLE -> angle(p, v, min, max);
            case NUMBER, POSITIVE, INTEGER, LEARNABLE -> checked(p, parse(key, v != null ? v : p.fallback()), min, max);
            default -> throw new IllegalStateException(term + "." + key + " is not a number");
        };
        remember(p, SpecNumbers.format((float) d));
        return d;
    }

    /** An integer argument. */
    public int integer(String key) {
        return (int) number(key);
    }

    /** A flag. */
    public boolean bool(String key) {
        Param p = param(key);
        String v = args.getOrDefault(key, p.fallback());
        boolean b = switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new SpecException(term + ": " + key + "=" + v + " must be true or false");
        };
        remember(p, v);
        return b;
    }

    /** One of the declared words. */
    public String choice(String key) {
        Param p = param(key);
        String v = args.getOrDefault(key, p.fallback());
        if (!p.words().contains(v)) {
            throw new SpecException(term + ": " + key + " must be one of " + String.join(", ", p.words()) + ", got " + v);
        }
        remember(p, v);
        return v;
    }

    /**
     * A set of class labels, {@code 1-9} or {@code 0-3;5}, sorted and without repeats; it must be given
     * ({@code meaning} says what the classes are, for the error). Whether each label exists is only
     * known when the head is built on a data set; {@link ClassSet#check} tells then.
     */
    public ClassSet classes(String key, String meaning) {
        Param p = param(key);
        String v = args.get(key);
        if (v == null) {
            throw new SpecException(term + ": give " + key + "=.., " + meaning + ", as labels and ranges joined by ';' (e.g. "
                    + key + "=1-9 or " + key + "=0-3;5)");
        }
        java.util.TreeSet<Integer> labels = new java.util.TreeSet<>();
        for (String part : v.split(";", -1)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})(?:-(\\d{1,6}))?").matcher(part);
            if (!m.matches() || (m.group(2) != null && Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1)))) {
                throw new SpecException(term + ": " + key + "=" + v + " is not a class list; write labels and ranges joined by ';', e.g. 1-9 or 0-3;5");
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            for (int c = from; c <= to; c++) {
                labels.add(c);
            }
        }
        ClassSet set = new ClassSet(term, key, labels.stream().mapToInt(Integer::intValue).toArray());
        remember(p, set.toString());
        return set;
    }

    /**
     * Class labels read from a spec, in increasing order.
     *
     * @param term the head or term that declared them, for errors
     * @param key the argument's name, for errors
     */
    public record ClassSet(String term, String key, int[] labels) {

        /** Refuses labels outside 0..classes-1 and sets that leave no class outside them. */
        public void check(int classes) {
            int last = labels[labels.length - 1];
            if (last >= classes) {
                throw new SpecException(term + ": " + key + " names class " + last + " but the data have classes 0.." + (classes - 1));
            }
            if (labels.length == classes) {
                throw new SpecException(term + ": " + key + "=" + this + " names every class; leave out the classes it should act on");
            }
        }

        /** 1 for each class in the set, 0 for the others, over {@code classes} classes. */
        public float[] mask(int classes) {
            float[] m = new float[classes];
            for (int c : labels) {
                m[c] = 1;
            }
            return m;
        }

        /** Canonical form: runs of consecutive labels as ranges, joined by ';'. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < labels.length; i++) {
                int j = i;
                while (j + 1 < labels.length && labels[j + 1] == labels[j] + 1) {
                    j++;
                }
                sb.append(sb.length() == 0 ? "" : ";").append(labels[i]).append(j > i ? "-" + labels[j] : "");
                i = j;
            }
            return sb.toString();
        }
    }

    /** A positive number or {@code learn}; a learned value starts at {@code initKey}'s value (or 1 without one). */
    public Learnable learnable(String key, String initKey) {
        Param p = param(key);
        if ("learn".equals(args.getOrDefault(key, p.fallback()))) {
            remember(p, "learn");
            return new Learnable(initKey == null ? 1 : number(initKey), true);
        }
        if (initKey != null && has(initKey)) {
            throw new SpecException(term + ": " + initKey + " only applies with " + key + "=learn");
        }
        return new Learnable(number(key), false);
    }

    /**
     * Refuses arguments whose combination puts the logits past float32, e.g. {@code s * (1 + m)}: each
     * argument may be finite while the logit they make is not.
     */
    public void requireFiniteLogits(String expression, double value) {
        if (!(Math.abs(value) <= Float.MAX_VALUE)) {
            throw new SpecException(term + ": " + expression + " = " + String.format(java.util.Locale.ROOT, "%.4g", value) + " would overflow the float32 logits (at most "
                    + Float.MAX_VALUE + "); choose smaller arguments");
        }
    }

    /** A value given as a number or learned: {@code learn} starts training at {@code value}. */
    public record Learnable(double value, boolean learn) {
    }

    /** The canonical spec of what was read: name, then each read argument in declaration order. */
    public String spec() {
        StringBuilder sb = new StringBuilder();
        for (Param p : params) {
            String v = canonical.get(p.key());
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : ",").append(p.key()).append('=').append(v);
            }
        }
        return sb.length() == 0 ? term : term + "(" + sb + ")";
    }

    private void remember(Param p, String value) {
        if (p.printDefault() || !value.equals(p.fallback())) {
            canonical.put(p.key(), value);
        }
    }

    private Param param(String key) {
        return params.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException(term + " declares no argument " + key));
    }

    private double parse(String key, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException | NullPointerException e) {
            throw new SpecException(term + ": " + key + "=" + v + " is not a finite number");
        }
    }

    private double checked(Param p, double d, double min, double max) {
        String got = ", got " + SpecNumbers.format(d);
        if (Math.abs(d) > Float.MAX_VALUE) {
            throw new SpecException(term + ": " + p.key() + " must be finite in float32 (|" + p.key() + "| <= "
                    + Float.MAX_VALUE + "), got " + d);
        }
        switch (p.kind()) {
            case POSITIVE, LEARNABLE -> {
                if (d <= 0 || (float) d == 0) {
                    throw new SpecException(term + ": " + p.key() + " must be > 0" + ((float) d == 0 && d > 0
                            ? " in float32 (at least " + Float.MIN_VALUE + "), got " + d : got));
                }
            }
            case INTEGER -> {
                if (d != Math.rint(d) || d < min || d > max) {
                    throw new SpecException(term + ": " + p.key() + " must be an integer from " + (int) min + " to " + (int) max + got);
                }
            }
            default -> {
                if (d < min || d > max) {
                    throw new SpecException(term + ": " + p.key() + " must be in [" + SpecNumbers.format(min) + ", "
                            + SpecNumbers.format(max) + "]" + got);
                }
            }
        }
        return d;
    }

    private double angle(Param p, String v, double min, double max) {
        String text = v != null ? v : p.fallback();
        boolean degrees = text.endsWith("deg");
        String number = degrees ? text.substring(0, text.length() - 3) : text;
        double radians;
        try {
            radians = Double.parseDouble(number) * (degrees ? Math.PI / 180 : 1);
        } catch (NumberFormatException e) {
            throw new SpecException(term + ": " + p.key() + "=" + v + " is not an angle (radians, or degrees as 30deg)");
        }
        if (!(radians >= min && radians < max)) {
            throw new SpecException(term + ": " + p.key() + " must be in [" + SpecNumbers.format(min) + ", pi) radians, got "
                    + (v != null ? v : SpecNumbers.format(radians)));
        }
        return radians;
    }
}
