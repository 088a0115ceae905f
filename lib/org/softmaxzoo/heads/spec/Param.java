package org.softmaxzoo.heads.spec;

import java.util.List;

/**
 * One declared argument of a head or term: its key, kind, default, valid range and unit. Parsing
 * ({@link SpecArgs}), the canonical spec string, the {@code heads} listing and every range error are
 * derived from it.
 *
 * @param key the argument's name in a spec ({@code s}, {@code m}, ...)
 * @param kind how the text is read and checked
 * @param fallback the default as spec text (null: no default, the argument is only read when given)
 * @param min smallest valid value (numbers, integers, angles in radians)
 * @param max largest valid value; for angles the bound is open ({@code [min, max)})
 * @param words the accepted words of a {@link Kind#CHOICE}
 * @param printDefault whether the canonical spec prints the argument when it has its default value
 */
public record Param(String key, Kind kind, String fallback, double min, double max, List<String> words, boolean printDefault) {

    /** How an argument's text is read. */
    public enum Kind {
        /** A finite number in [min, max] (min 0 exclusive: "must be > 0"). */
        NUMBER,
        /** A strictly positive finite number. */
        POSITIVE,
        /** An integer in [min, max]. */
        INTEGER,
        /** An angle in radians, or degrees written {@code 30deg}, in [min, max) radians. */
        ANGLE,
        /** {@code true} or {@code false}. */
        BOOL,
        /** One of {@link Param#words()}. */
        CHOICE,
        /** A positive number, or {@code learn} (a trainable value). */
        LEARNABLE,
        /** A set of class labels: ranges and single labels joined by {@code ;}, e.g. {@code 1-9} or {@code 0-3;5}. */
        CLASSES
    }

    /** A number in [min, max], printed always. */
    public static Param number(String key, double fallback, double min, double max) {
        return new Param(key, Kind.NUMBER, SpecNumbers.format(fallback), min, max, List.of(), true);
    }

    /** A strictly positive number, printed always. */
    public static Param positive(String key, double fallback) {
        return new Param(key, Kind.POSITIVE, SpecNumbers.format(fallback), 0, Float.MAX_VALUE, List.of(), true);
    }

    /** An integer in [min, max], printed always. */
    public static Param integer(String key, int fallback, int min, int max) {
        return new Param(key, Kind.INTEGER, Integer.toString(fallback), min, max, List.of(), true);
    }

    /** An angle in [min, max) radians (or degrees with {@code deg}), printed always, in radians. */
    public static Param angle(String key, double fallback, double min, double max) {
        return new Param(key, Kind.ANGLE, SpecNumbers.format(fallback), min, max, List.of(), true);
    }

    /** A flag, printed only when it differs from its default. */
    public static Param flag(String key, boolean fallback) {
        return new Param(key, Kind.BOOL, Boolean.toString(fallback), 0, 0, List.of(), false);
    }

    /** One of the words, the first the default, printed only when it differs from it. */
    public static Param choice(String key, String... words) {
        return new Param(key, Kind.CHOICE, words[0], 0, 0, List.of(words), false);
    }

    /** A positive number or {@code learn}, printed always. */
    public static Param learnable(String key, String fallback) {
        return new Param(key, Kind.LEARNABLE, fallback, 0, Float.MAX_VALUE, List.of(), true);
    }

    /** A set of class labels without a default (it must be given), printed always. */
    public static Param classes(String key) {
        return new Param(key, Kind.CLASSES, null, 0, Integer.MAX_VALUE, List.of(), true);
    }

    /** The same argument, printed always ({@code true}) or only when not at its default ({@code false}). */
    public Param printed(boolean always) {
        return new Param(key, kind, fallback, min, max, words, always);
    }

    /** The same argument without a default: read only when given. */
    public Param optional() {
        return new Param(key, kind, null, min, max, words, printDefault);
    }

    /** The argument as the {@code heads} listing shows it: key=default plus its range or unit. */
    public String usage() {
        String value = fallback == null ? ".." : fallback;
        return key + "=" + value + switch (kind) {
            case NUMBER -> " in [" + SpecNumbers.format(min) + ", " + SpecNumbers.format(max) + "]";
            case POSITIVE -> " > 0";
            case INTEGER -> " in " + (int) min + ".." + (int) max;
            case ANGLE -> " rad or ..deg in [" + SpecNumbers.format(min) + ", pi)";
            case BOOL -> " true|false";
            case CHOICE -> " " + String.join("|", words);
            case LEARNABLE -> " (> 0 or learn)";
            case CLASSES -> " class labels, e.g. 1-9 or 0-3;5";
        };
    }
}
