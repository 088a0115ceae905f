package org.softmaxzoo.heads.spec;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the spec language knows about one head or term: its name and aliases, its declared
 * arguments, what it computes (normalization, radius, target transform, formula) and its paper, and
 * how it is built from validated arguments. Parsing, the canonical spec string, the {@code heads}
 * listing and the error messages all come from here.
 *
 * @param <T> what the factory builds (a head or a term)
 */
public record Declaration<T>(String name, List<String> aliases, List<Param> params, About about, Function<SpecArgs, T> factory) {

    /**
     * The prose of a declaration.
     *
     * @param normalization what is normalized (features, weights, neither)
     * @param radius what multiplies the cosines or scores (scale s, ||x||, ...)
     * @param target how the label's cosine is transformed (the margin), or "none"
     * @param formula the logits or term, in one line
     * @param paper where it comes from
     */
    public record About(String normalization, String radius, String target, String formula, String paper) {
    }

    /** The one-line usage the {@code heads} command prints. */
    public String usage() {
        String args = params.isEmpty() ? "" : params.stream().map(Param::usage).collect(Collectors.joining(", ", "(", ")"));
        return name + args + ": " + about.formula() + (aliases.isEmpty() ? "" : " (alias " + String.join(", ", aliases) + ")")
                + "; " + about.paper();
    }

    /** Builds the object one parsed term describes, validating its arguments against {@link #params()}. */
    public T create(HeadSpec.Term term) {
        return factory.apply(new SpecArgs(name, term.args(), params));
    }

    /** The declared argument with this key. */
    public Param param(String key) {
        return params.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " declares no argument " + key));
    }
}
