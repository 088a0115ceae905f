package org.softmaxzoo.heads.terms;

/**
 * A term combined with a head in a spec ({@code head+term(...)}): either a {@link LossTerm} added to
 * the head's loss (ring loss, center loss, the UP term) or {@link Whitening} of the features before the
 * head. Each term places itself in the {@link CompositeHead} it joins.
 * <p>Adding a term: one class here with a {@code public static final Declaration<Term> DECLARATION}
 * (name, arguments, formula, paper), its name in the {@code permits} clause of {@link LossTerm} (or
 * here), and its test; {@code Heads} reads the declarations from these {@code permits} clauses, so the
 * parser, the canonical spec and the {@code heads} listing know it without further registration.
 */
public sealed interface Term permits LossTerm, Whitening {
    /** The canonical spec of this term. */
    String spec();

    /** Puts this term where it acts in a head being composed. */
    void joinTo(CompositeHead.Builder composite);
}
