package org.softmaxzoo.heads;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softmaxzoo.heads.catalog.AdaFace;
import org.softmaxzoo.heads.catalog.ArcFace;
import org.softmaxzoo.heads.catalog.Combined;
import org.softmaxzoo.heads.catalog.CosFace;
import org.softmaxzoo.heads.catalog.CurricularFace;
import org.softmaxzoo.heads.catalog.DynamicMargin;
import org.softmaxzoo.heads.catalog.ElasticFace;
import org.softmaxzoo.heads.catalog.HeatedUp;
import org.softmaxzoo.heads.catalog.LSoftmax;
import org.softmaxzoo.heads.catalog.MagFace;
import org.softmaxzoo.heads.catalog.NormFace;
import org.softmaxzoo.heads.catalog.NormFeature;
import org.softmaxzoo.heads.catalog.NormWeight;
import org.softmaxzoo.heads.catalog.Softmax;
import org.softmaxzoo.heads.catalog.SphereFace;
import org.softmaxzoo.heads.catalog.SubCenterArcFace;
import org.softmaxzoo.heads.catalog.Temperature;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.spec.Declaration;
import org.softmaxzoo.heads.spec.HeadSpec;
import org.softmaxzoo.heads.spec.SpecException;
import org.softmaxzoo.heads.terms.CompositeHead;
import org.softmaxzoo.heads.terms.Term;

/**
 * Creates heads from spec strings: a head, then optional combinable terms joined by {@code +}
 * ({@code normweight+ringloss(lambda=0.1)}, {@code normface(s=10)+whiten}). Every head and term is
 * known by its {@link Declaration} (name, aliases, arguments, formula, paper), kept with its code in
 * {@code catalog/} and {@code terms/}; this class only lists them.
 */
public final class Heads {
    /** The head declarations, in the order the {@code heads} listing shows them. */
    private static final List<Declaration<LossHead>> HEADS = List.of(Softmax.DECLARATION, NormWeight.DECLARATION,
            NormFeature.DECLARATION, NormFace.DECLARATION, CosFace.DECLARATION, ArcFace.DECLARATION, Combined.DECLARATION,
            SphereFace.DECLARATION, LSoftmax.DECLARATION, HeatedUp.DECLARATION, Temperature.DECLARATION,
            CurricularFace.DECLARATION, ElasticFace.DECLARATION, SubCenterArcFace.DECLARATION, MagFace.DECLARATION, AdaFace.DECLARATION, DynamicMargin.DECLARATION);
    /** The term declarations, read from the sealed {@link Term} hierarchy: a new term is listed by its {@code permits} entry. */
    private static final List<Declaration<Term>> TERMS = declaredTerms(Term.class);

    private Heads() {
    }

    /** The {@code DECLARATION} of every concrete class the sealed type permits, depth first, in {@code permits} order. */
    @SuppressWarnings("unchecked")
    private static List<Declaration<Term>> declaredTerms(Class<?> sealed) {
        List<Declaration<Term>> out = new java.util.ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isInterface()) {
                out.addAll(declaredTerms(c));
                continue;
            }
            try {
                out.add((Declaration<Term>) c.getField("DECLARATION").get(null));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(c.getName() + " must declare public static final Declaration<Term> DECLARATION", e);
            }
        }
        return List.copyOf(out);
    }

    /** Head declarations by name, one each, in listing order (aliases are in each declaration). */
    public static Map<String, Declaration<LossHead>> types() {
        return byName(HEADS, false);
    }

    /** Term declarations by name. */
    public static Map<String, Declaration<Term>> terms() {
        return byName(TERMS, false);
    }

    private static <T> Map<String, Declaration<T>> byName(List<Declaration<T>> declarations, boolean withAliases) {
        Map<String, Declaration<T>> map = new LinkedHashMap<>();
        for (Declaration<T> d : declarations) {
            map.put(d.name(), d);
            if (withAliases) {
                d.aliases().forEach(a -> map.put(a, d));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** The declared argument keys of a head or term (by name or alias), or null when there is none of that name. */
    public static List<String> argumentKeys(String nameOrAlias) {
        Declaration<?> d = byName(HEADS, true).get(nameOrAlias);
        if (d == null) {
            d = byName(TERMS, true).get(nameOrAlias);
        }
        return d == null ? null : d.params().stream().map(org.softmaxzoo.heads.spec.Param::key).toList();
    }

    /** Builds the head a spec string describes. */
    public static LossHead create(String spec) {
        HeadSpec parsed = HeadSpec.parse(spec);
        HeadSpec.Term first = parsed.terms().get(0);
        Map<String, Declaration<LossHead>> heads = byName(HEADS, true);
        Map<String, Declaration<Term>> terms = byName(TERMS, true);
        Declaration<LossHead> type = heads.get(first.name());
        if (type == null) {
            throw new SpecException("unknown head '" + first.name() + "'; accepted: " + String.join(", ", heads.keySet())
                    + (terms.containsKey(first.name()) ? " ('" + first.name() + "' is a term to add: head+" + first.name() + ")" : ""));
        }
        LossHead head = type.create(first);
        if (parsed.terms().size() == 1) {
            return head;
        }
        CompositeHead.Builder composite = new CompositeHead.Builder(head, spec);
        for (HeadSpec.Term t : parsed.terms().subList(1, parsed.terms().size())) {
            Declaration<Term> termType = terms.get(t.name());
            if (termType == null) {
                throw new SpecException("unknown term '" + t.name() + "' in '" + spec + "'; terms that combine with a head: "
                        + String.join(", ", terms.keySet()));
            }
            termType.create(t).joinTo(composite);
        }
        return composite.build();
    }
}
