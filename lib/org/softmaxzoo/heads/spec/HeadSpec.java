package org.softmaxzoo.heads.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed form of a spec string: terms joined by {@code +}, each {@code name} or
 * {@code name(key=value, ...)}, e.g. {@code normface(s=10)} or {@code normweight+ringloss(lambda=0.1)}.
 */
public record HeadSpec(List<Term> terms) {

    /** One term: a lower-case name and its arguments in the order given. */
    public record Term(String name, Map<String, String> args) {
    }

    private static final Pattern TERM = Pattern.compile("\\s*([a-z_][a-z0-9_]*)\\s*(?:\\((.*)\\))?\\s*");
    private static final Pattern ARG = Pattern.compile("\\s*([a-z_][a-z0-9_]*)\\s*=\\s*([^=,\\s]+)\\s*");

    public static HeadSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new SpecException("empty head spec; expected name or name(key=value,...), e.g. normface(s=10)");
        }
        List<Term> terms = new ArrayList<>();
        for (String part : splitTopLevel(spec, '+')) {
            Matcher m = TERM.matcher(part.toLowerCase(java.util.Locale.ROOT));
            if (!m.matches()) {
                throw new SpecException("cannot parse '" + part.trim() + "' in head spec '" + spec
                        + "'; expected name or name(key=value,...)");
            }
            Map<String, String> args = new LinkedHashMap<>();
            if (m.group(2) != null && !m.group(2).isBlank()) {
                for (String arg : m.group(2).split(",")) {
                    Matcher a = ARG.matcher(arg);
                    if (!a.matches()) {
                        throw new SpecException("cannot parse argument '" + arg.trim() + "' of '" + m.group(1)
                                + "' in head spec '" + spec + "'; expected key=value");
                    }
                    if (args.put(a.group(1), a.group(2)) != null) {
                        throw new SpecException("argument '" + a.group(1) + "' given twice in '" + spec + "'");
                    }
                }
            }
            terms.add(new Term(m.group(1), args));
        }
        return new HeadSpec(List.copyOf(terms));
    }

    private static List<String> splitTopLevel(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == sep && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
