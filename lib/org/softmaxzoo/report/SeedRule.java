package org.softmaxzoo.report;

import java.util.Locale;

/**
 * The rule by which this project calls a difference between two seed samples real: for the claim
 * "mean(a) - mean(b) > margin", with d = mean(a) - mean(b) - margin and its Welch standard error
 * SE = sqrt(s_a^2 / n_a + s_b^2 / n_b) (s the seeds' sample standard deviation), the claim
 * <em>holds</em> when d > 2 SE, <em>fails</em> when d < -2 SE (reversed by the same rule), and is
 * <em>not distinguishable</em> otherwise. A sample of one seed has no standard deviation, so a claim
 * on it is not decided by the rule. Two standard errors: about a 95% interval for many seeds, a looser
 * one for three (the rule is a stated convention, not a test at a fixed level).
 */
public final class SeedRule {
    /** How many standard errors a difference must exceed. */
    public static final double STANDARD_ERRORS = 2;

    public enum Verdict {
        HOLDS("holds"), FAILS("fails"), NOT_DISTINGUISHABLE("not distinguishable"), ONE_SEED("one seed, not decided by the rule");

        public final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /** A claim's difference (margin subtracted), its standard error (NaN with one seed) and the verdict. */
    public record Difference(double difference, double standardError, Verdict verdict) {
        /** "+0.0137, SE 0.0021" (or "SE none" with one seed). */
        public String describe() {
            return String.format(Locale.ROOT, "%+.4f, SE %s", difference,
                    Double.isNaN(standardError) ? "none" : String.format(Locale.ROOT, "%.4f", standardError));
        }
    }

    private SeedRule() {
    }

    /** The verdict on "mean(a) - mean(b) > margin". */
    public static Difference compare(Sample a, Sample b, double margin) {
        if (a.n() == 0 || b.n() == 0) {
            throw new IllegalArgumentException("a claim needs at least one value on each side, got n = " + a.n() + " and " + b.n());
        }
        double d = a.mean() - b.mean() - margin;
        if (a.n() < 2 || b.n() < 2) {
            return new Difference(d, Double.NaN, Verdict.ONE_SEED);
        }
        double se = Math.sqrt(a.std() * a.std() / a.n() + b.std() * b.std() / b.n());
        Verdict v = d > STANDARD_ERRORS * se ? Verdict.HOLDS : d < -STANDARD_ERRORS * se ? Verdict.FAILS : Verdict.NOT_DISTINGUISHABLE;
        return new Difference(d, se, v);
    }

    /**
     * The verdict on several claims that must all hold: fails when any fails, not decided when any rests on
     * one seed, not distinguishable when any is, holds when all hold.
     */
    public static Verdict all(java.util.Collection<Verdict> verdicts) {
        for (Verdict v : new Verdict[] {Verdict.FAILS, Verdict.ONE_SEED, Verdict.NOT_DISTINGUISHABLE}) {
            if (verdicts.contains(v)) {
                return v;
            }
        }
        return Verdict.HOLDS;
    }
}
