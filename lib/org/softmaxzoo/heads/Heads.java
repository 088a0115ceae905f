package org.softmaxzoo.heads;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Creates heads from spec strings. Each head type declares its name, the argument keys it accepts
 * and how it is built from them; anything else is refused with the list of what is accepted.
 */
public final class Heads {

    /** A head type: its name, accepted keys, one-line description and factory. */
    public record Type(String name, Set<String> keys, String usage, Function<SpecArgs, LossHead> factory) {
    }

    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    static {
        register(new Type("softmax", Set.of("bias"), "softmax(bias=true|false): linear layer + cross-entropy",
                a -> new SoftmaxHead(a.bool("bias", true))));
        register(new Type("normweight", Set.of(), "normweight: unit-norm class weights, no bias",
                a -> new NormWeightHead()));
        register(new Type("normfeature", Set.of("s"), "normfeature(s=..): L2-softmax, features scaled to norm s",
                a -> new NormFeatureHead((float) a.positive("s", 10))));
        register(new Type("normface", Set.of("s", "s_init"),
                "normface(s=..|learn, s_init=..): cosine logits scaled by s",
                a -> new NormFaceHead(a.scale("s", 10, "s_init", 1))));
    }

    private Heads() {
    }

    private static void register(Type type) {
        TYPES.put(type.name(), type);
    }

    public static Map<String, Type> types() {
        return java.util.Collections.unmodifiableMap(TYPES);
    }

    /** Builds the head a spec string describes. */
    public static LossHead create(String spec) {
        HeadSpec parsed = HeadSpec.parse(spec);
        if (parsed.terms().size() > 1) {
            throw new SpecException("'" + spec + "' combines " + parsed.terms().size()
                    + " terms with '+', but no combinable term (regularizer) is available yet; accepted heads: "
                    + String.join(", ", TYPES.keySet()));
        }
        HeadSpec.Term term = parsed.terms().get(0);
        Type type = TYPES.get(term.name());
        if (type == null) {
            throw new SpecException("unknown head '" + term.name() + "'; accepted: " + String.join(", ", TYPES.keySet()));
        }
        return type.factory().apply(new SpecArgs(term.name(), term.args(), type.keys()));
    }
}
