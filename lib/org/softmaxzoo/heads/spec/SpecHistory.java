package org.softmaxzoo.heads.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Head specs whose defaults changed after runs were recorded with them. A run folder records the head
 * spec as it was typed; where a default it relied on has since changed, {@link #asTrained} spells the
 * former value out, so a recorded spec keeps the meaning it was trained with, and {@link #toRecord}
 * spells the current values out in every new record, so a new record never reads as a former default.
 * <p>One change so far: until 2026-11-29 SphereFace's schedule defaulted to lambda_max 1000, lambda_min
 * min(5, lambda_max), lambda_gamma 0.2 (power 1, as now); the defaults are now the source write-up's
 * code's, 30000, 3 and 0.2 (the committed open-set runs {@code sphereface(m=4)} were trained with the former).
 */
public final class SpecHistory {
    private static final String SPHEREFACE = "sphereface";

    private SpecHistory() {
    }

    /** A spec as recorded by a run before the change, with the values it was trained with spelled out. */
    public static String asTrained(String recorded) {
        return spellSchedule(recorded, 1000, 5, 0.2);
    }

    /** A spec as a new run records it: SphereFace's schedule spelled out with the current defaults. */
    public static String toRecord(String spec) {
        return spellSchedule(spec, 30000, 3, 0.2);
    }

    /** A recorded number, or the fallback where it does not parse (the head's own parser reports that). */
    private static double number(String v, double fallback) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String spellSchedule(String spec, double max, double min, double gamma) {
        HeadSpec parsed = HeadSpec.parse(spec);
        if (parsed.terms().stream().noneMatch(t -> t.name().equals(SPHEREFACE) && !t.args().containsKey("lambda"))) {
            return spec;
        }
        StringJoiner out = new StringJoiner("+");
        for (HeadSpec.Term t : parsed.terms()) {
            Map<String, String> args = new LinkedHashMap<>(t.args());
            if (t.name().equals(SPHEREFACE) && !args.containsKey("lambda")) {
                args.putIfAbsent("lambda_max", SpecNumbers.format((float) max));
                args.putIfAbsent("lambda_min", SpecNumbers.format((float) Math.min(min, number(args.get("lambda_max"), max))));
                args.putIfAbsent("lambda_gamma", SpecNumbers.format((float) gamma));
            }
            StringJoiner a = new StringJoiner(",", "(", ")").setEmptyValue("");
            args.forEach((k, v) -> a.add(k + "=" + v));
            out.add(t.name() + a);
        }
        return out.toString();
    }
}
