package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
