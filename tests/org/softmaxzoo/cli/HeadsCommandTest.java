package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code heads} lists every head of the material and of issue 26, and every term, each with its paper. */
class HeadsCommandTest {
    private static final Pattern ENTRY = Pattern.compile("(?m)^  ([a-z]+)[(:]");

    @Test
    void listsEveryHeadAndTermWithItsSource() {
        CliRun r = CliRun.of("heads");
        assertEquals(0, r.code(), r.err());
        String[] parts = r.out().split("Terms, added with \\+");
        assertEquals(2, parts.length, r.out());
        assertEquals(List.of("softmax", "normweight", "normfeature", "normface", "cosface", "arcface", "combined", "sphereface",
                "lsoftmax", "heatedup", "temperature", "curricularface", "elasticface", "subcenter", "magface", "adaface",
                "dynamicmargin"), names(parts[0]));
        assertEquals(List.of("ringloss", "center", "upnorm", "range", "whiten"), names(parts[1]));
        // Each entry but plain softmax names where it comes from: authors and year, e.g. "(Deng et al. 2019)".
        for (String line : r.out().lines().filter(l -> l.startsWith("  ") && !l.startsWith("  softmax(")).toList()) {
            assertTrue(line.matches(".*\\([A-Z][^()]* (19|20)\\d\\d\\)$"), "no source in: " + line);
        }
    }

    private static List<String> names(String section) {
        List<String> names = new ArrayList<>();
        Matcher m = ENTRY.matcher(section);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
