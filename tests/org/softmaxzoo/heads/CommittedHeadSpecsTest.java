package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every head spec a committed run was trained with still parses, and its canonical spec parses back
 * to itself; the printed forms of the committed spellings are pinned to what they printed before the
 * heads were declared (degrees print as float32 radians).
 */
class CommittedHeadSpecsTest {

    @Test
    void everyCommittedConfigHeadRoundTrips() throws IOException {
        List<Path> configs;
        try (Stream<Path> files = Files.walk(Path.of("results/runs"), 4)) {
            configs = files.filter(p -> p.getFileName().toString().equals("config.properties")).sorted().toList();
        }
        assertTrue(configs.size() >= 27, "expected at least the MNIST reference table's 27 committed runs, found " + configs.size());
        for (Path config : configs) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(config)) {
                p.load(r);
            }
            String spec = p.getProperty("head");
            String printed = Heads.create(spec).spec();
            assertEquals(printed, Heads.create(printed).spec(), config + ": " + spec);
        }
    }

    @Test
    void committedSpellingsPrintAsBefore() {
        assertEquals("arcface(s=10,m=0)", Heads.create("arcface(s=10,m=0deg)").spec());
        assertEquals("arcface(s=10,m=0.34906584,fallback=false)", Heads.create("arcface(s=10,m=20deg,fallback=false)").spec());
        assertEquals("arcface(s=10,m=0.5235988)", Heads.create("arcface(s=10,m=30deg)").spec());
        assertEquals("normweight+ringloss(lambda=0.1,r=learn,form=abs)", Heads.create("normweight+ringloss(lambda=0.1,form=abs)").spec());
        assertEquals("softmax(bias=false)+ringloss(lambda=0.01,r=learn)", Heads.create("softmax(bias=false)+ringloss(lambda=0.01)").spec());
        assertEquals("softmax+center(lambda=0.003,alpha=0.5)", Heads.create("softmax+center(lambda=0.003,alpha=0.5)").spec());
        // SphereFace's defaults changed after the open-set runs recorded sphereface(m=4): read as trained
        assertEquals("sphereface(m=4,lambda_min=5,lambda_max=1000,lambda_gamma=0.2,lambda_power=1)",
                Heads.create(org.softmaxzoo.heads.spec.SpecHistory.asTrained("sphereface(m=4)")).spec());
        assertEquals("normfeature(s=50)", Heads.create("normfeature(s=50)").spec());
    }
}
