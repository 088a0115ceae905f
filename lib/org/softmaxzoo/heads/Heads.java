package org.softmaxzoo.heads;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Creates heads from spec strings: a head, then optional combinable terms joined by {@code +}
 * ({@code normweight+ringloss(lambda=0.1)}, {@code normface(s=10)+whiten}). Each type declares its
 * name, the argument keys it accepts and how it is built; anything else is refused with the list of
 * what is accepted.
 */
public final class Heads {

    /** A head or term type: its name, accepted keys, one-line usage and factory. */
    public record Type<T>(String name, Set<String> keys, String usage, Function<SpecArgs, T> factory) {
        T create(HeadSpec.Term term) {
            return factory.apply(new SpecArgs(term.name(), term.args(), keys));
        }
    }

    private static final Map<String, Type<LossHead>> HEADS = new LinkedHashMap<>();
    private static final Map<String, Type<Object>> TERMS = new LinkedHashMap<>();

    static {
        head("softmax", Set.of("bias"), "softmax(bias=true|false): linear layer + cross-entropy",
                a -> new SoftmaxHead(a.bool("bias", true)));
        head("normweight", Set.of(), "normweight: unit-norm class weights, no bias", a -> new NormWeightHead());
        head("normfeature", Set.of("s"), "normfeature(s=..): L2-softmax, features scaled to norm s",
                a -> new NormFeatureHead((float) a.positive("s", 10)));
        head("normface", Set.of("s", "s_init"), "normface(s=..|learn, s_init=..): cosine logits scaled by s",
                a -> new NormFaceHead(a.scale("s", 10, "s_init", 1)));
        Function<SpecArgs, LossHead> cosface = a -> new CosFaceHead(a.scale("s", 30, "s_init", 10), (float) a.range("m", 0.35, 0, 1));
        head("cosface", Set.of("s", "s_init", "m"), "cosface(s=.., m=..): s (cos theta_y - m)", cosface);
        head("amsoftmax", Set.of("s", "s_init", "m"), "amsoftmax: alias of cosface", cosface);
        head("arcface", Set.of("s", "s_init", "m", "easy_margin", "fallback"),
                "arcface(s=.., m=.. radians or ..deg, easy_margin=false, fallback=true): s cos(theta_y + m); fallback=false keeps "
                        + "cos(theta_y + m) past pi - m, where it turns back up",
                a -> new ArcFaceHead(a.scale("s", 64, "s_init", 10), (float) a.angle("m", 0.5, 0, Math.PI),
                        a.bool("easy_margin", false), a.bool("fallback", true)));
        head("combined", Set.of("s", "s_init", "m1", "m2", "m3"), "combined(s=.., m1=.., m2=.., m3=..): s (cos(m1 theta + m2) - m3)",
                a -> new CombinedMarginHead(a.scale("s", 64, "s_init", 10), (float) a.range("m1", 1, 1, 5),
                        (float) a.angle("m2", 0.3, 0, Math.PI), (float) a.range("m3", 0.2, 0, 1)));
        head("sphereface", Set.of("m", "lambda", "lambda_min", "lambda_max", "gamma"),
                "sphereface(m=1..5, lambda_min=.., lambda_max=.. | lambda=.., gamma=..): ||x|| psi(theta_y), annealed",
                Heads::sphereface);
        head("lsoftmax", Set.of("m", "beta", "beta_min", "beta_decay"),
                "lsoftmax(m=1..5, beta=.., beta_min=.., beta_decay=..): ||W_y|| ||x|| psi(theta_y), annealed",
                a -> {
                    double beta = a.range("beta", 100, 0, 1e9);
                    double min = a.range("beta_min", 0, 0, beta);
                    double decay = a.range("beta_decay", 0.99, 1e-9, 1);
                    String spec = "beta=" + SpecNumbers.format(beta) + ",beta_min=" + SpecNumbers.format(min)
                            + ",beta_decay=" + SpecNumbers.format(decay);
                    return new LSoftmaxHead(a.integer("m", 2, 1, 5), Schedule.exponential(beta, decay, min), spec);
                });
        head("heatedup", Set.of("s_start", "s_end", "steps", "schedule"),
                "heatedup(s_start=.., s_end=.., steps=.., schedule=linear|cosine|step): normface with a scale schedule",
                a -> {
                    double start = a.positive("s_start", 30);
                    double end = a.positive("s_end", 10);
                    double steps = a.positive("steps", 10000);
                    String shape = a.choice("schedule", "linear", List.of("linear", "cosine", "step"));
                    return new HeatedUpHead(Schedule.ramp(shape, start, end, steps), "s_start=" + SpecNumbers.format(start)
                            + ",s_end=" + SpecNumbers.format(end) + ",steps=" + SpecNumbers.format(steps) + ",schedule=" + shape);
                });
        head("temperature", Set.of("t"), "temperature(t=..): softmax trained on logits / T",
                a -> new TemperatureHead((float) a.positive("t", 2)));

        term("ringloss", Set.of("lambda", "r", "form"),
                "ringloss(lambda=.., r=learn|value, form=square|abs): lambda/2 mean (||x|| - R)^2, or lambda mean |..|",
                a -> new RingLoss((float) a.positive("lambda", 0.01), a.text("r") == null || a.text("r").equals("learn")
                        ? Scale.learnable(1) : Scale.fixed((float) a.positive("r", 1)),
                        RingLoss.Form.valueOf(a.choice("form", "square", List.of("square", "abs")).toUpperCase(Locale.ROOT))));
        term("center", Set.of("lambda", "alpha"), "center(lambda=.., alpha=..): lambda/2 sum ||x - c_y||^2",
                a -> new CenterLoss((float) a.positive("lambda", 0.003), (float) a.range("alpha", 0.5, 0, 1)));
        term("upnorm", Set.of("lambda"), "upnorm(lambda=..): weight squared norms toward their mean",
                a -> new UpNormTerm((float) a.positive("lambda", 1e-3)));
        term("whiten", Set.of("momentum"), "whiten(momentum=..): (f - mu) / sigma before the head",
                a -> new Whitening((float) a.range("momentum", 0.9, 0, 0.9999)));
    }

    private Heads() {
    }

    private static void head(String name, Set<String> keys, String usage, Function<SpecArgs, LossHead> factory) {
        HEADS.put(name, new Type<>(name, keys, usage, factory));
    }

    private static void term(String name, Set<String> keys, String usage, Function<SpecArgs, Object> factory) {
        TERMS.put(name, new Type<>(name, keys, usage, factory));
    }

    private static LossHead sphereface(SpecArgs a) {
        int m = a.integer("m", 4, 1, 5);
        float gamma = (float) a.range("gamma", 0, 0, 10);
        if (a.has("lambda")) {
            if (a.has("lambda_min") || a.has("lambda_max")) {
                throw new SpecException("sphereface: give either lambda (fixed) or lambda_min/lambda_max (annealed), not both");
            }
            double lambda = a.range("lambda", 0, 0, 1e9);
            return new SphereFaceHead(m, Schedule.constant(lambda), "lambda=" + SpecNumbers.format(lambda), gamma);
        }
        double max = a.range("lambda_max", 1000, 0, 1e9);
        double min = a.range("lambda_min", Math.min(5, max), 0, max);
        return new SphereFaceHead(m, Schedule.inverse(max, min),
                "lambda_min=" + SpecNumbers.format(min) + ",lambda_max=" + SpecNumbers.format(max), gamma);
    }

    /** Head types by name, in registration order. */
    public static Map<String, Type<LossHead>> types() {
        return java.util.Collections.unmodifiableMap(HEADS);
    }

    /** Combinable term types by name. */
    public static Map<String, Type<Object>> terms() {
        return java.util.Collections.unmodifiableMap(TERMS);
    }

    /** Builds the head a spec string describes. */
    public static LossHead create(String spec) {
        HeadSpec parsed = HeadSpec.parse(spec);
        HeadSpec.Term first = parsed.terms().get(0);
        Type<LossHead> type = HEADS.get(first.name());
        if (type == null) {
            throw new SpecException("unknown head '" + first.name() + "'; accepted: " + String.join(", ", HEADS.keySet())
                    + (TERMS.containsKey(first.name()) ? " ('" + first.name() + "' is a term to add: head+" + first.name() + ")" : ""));
        }
        LossHead head = type.create(first);
        if (parsed.terms().size() == 1) {
            return head;
        }
        Whitening whitening = null;
        List<Regularizer> regularizers = new ArrayList<>();
        for (HeadSpec.Term t : parsed.terms().subList(1, parsed.terms().size())) {
            Type<Object> termType = TERMS.get(t.name());
            if (termType == null) {
                throw new SpecException("unknown term '" + t.name() + "' in '" + spec + "'; terms that combine with a head: "
                        + String.join(", ", TERMS.keySet()));
            }
            Object term = termType.create(t);
            if (term instanceof Whitening w) {
                if (whitening != null) {
                    throw new SpecException("whiten given twice in '" + spec + "'");
                }
                whitening = w;
            } else {
                regularizers.add((Regularizer) term);
            }
        }
        return new CompositeHead(head, whitening, regularizers);
    }
}
