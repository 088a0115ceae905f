package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTest {
    @Test
    void groupsExpandToEveryCombinationLastGroupFastest() {
        String base = "mnist.softmax.weight_decay1e-3.feature2.amsoftmax.scale";
        assertEquals(List.of(base + "1.margin0", base + "1.margin0.35", base + "2.margin0", base + "2.margin0.35",
                base + "4.margin0", base + "4.margin0.35"), Sweep.expand(base + "{1,2,4}.margin{0,0.35}"));
        assertEquals(List.of("mnist.x"), Sweep.expand("mnist.x"));
        // Every expanded name is an experiment name with its own head.
        assertEquals("cosface(s=4,m=0.35)", ExperimentName.parse(Sweep.expand(base + "{1,2,4}.margin{0,0.35}").get(5)).head());
    }

    @Test
    void malformedGroupsAreRefused() {
        assertEquals("sweep 'a{1,2': '{' without '}'", assertThrows(IllegalArgumentException.class, () -> Sweep.expand("a{1,2")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sweep.expand("a{}"));
        assertThrows(IllegalArgumentException.class, () -> Sweep.expand("a{1,,2}"));
        assertThrows(IllegalArgumentException.class, () -> Sweep.expand("a1}"));
    }

    @Test
    void aListFileSkipsCommentsAndBlankLinesAndExpandsEachLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path list = dir.resolve("heads.txt");
        java.nio.file.Files.writeString(list, "# heads\n\n  cosface(s=10,m=0.2)  \narcface(s={4,8},m=0.5)\n# arcface(s=1)\n");
        // A spec's own commas stay: only brace groups expand.
        assertEquals(List.of("cosface(s=10,m=0.2)", "arcface(s=4,m=0.5)", "arcface(s=8,m=0.5)"), Sweep.readList(list));
        assertThrows(java.io.UncheckedIOException.class, () -> Sweep.readList(dir.resolve("none.txt")));
    }

    /** The committed leaderboard list: every line a head spec that builds, the heads issue 26 names that exist. */
    @Test
    void theLeaderboardHeadsAreValidSpecs() {
        List<String> heads = Sweep.readList(org.softmaxzoo.notebook.Notebook.projectDir().resolve("results/runs/leaderboard/heads.txt"));
        heads.forEach(org.softmaxzoo.heads.Heads::create);
        assertEquals(heads.size(), heads.stream().distinct().count());
        // every head the declarations list (not only the ones known when this test was written) has its line
        for (String head : org.softmaxzoo.heads.Heads.types().keySet()) {
            assertTrue(heads.stream().anyMatch(h -> h.equals(head) || h.startsWith(head + "(")), head + " has no line in " + heads);
        }
        assertTrue(heads.contains("softmax+center(lambda=0.003,alpha=0.5)"), heads.toString());
    }

    /** The first open-set table's heads, trained first by the queue, are leaderboard heads spelled the same (same runs). */
    @Test
    void theOpenSetHeadsAreLeaderboardHeads() {
        java.nio.file.Path dir = org.softmaxzoo.notebook.Notebook.projectDir().resolve("results/runs/leaderboard");
        List<String> leaderboard = Sweep.readList(dir.resolve("heads.txt"));
        List<String> openSet = Sweep.readList(dir.resolve("openset-heads.txt"));
        assertEquals(6, openSet.size());
        for (String head : openSet) {
            assertTrue(leaderboard.contains(head), head + " is not spelled as in heads.txt");
        }
    }
}
