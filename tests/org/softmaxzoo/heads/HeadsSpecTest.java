package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadsSpecTest {

    @Test
    void parsesTermsAndArguments() {
        HeadSpec spec = HeadSpec.parse(" normweight + ringloss( lambda = 0.1 , r=learn ) ");
        assertEquals(List.of(new HeadSpec.Term("normweight", Map.of()),
                new HeadSpec.Term("ringloss", Map.of("lambda", "0.1", "r", "learn"))), spec.terms());
    }

    @Test
    void createsEachHeadWithItsCanonicalSpec() {
        assertEquals("softmax", Heads.create("softmax").spec());
        assertEquals("softmax(bias=false)", Heads.create("softmax(bias=false)").spec());
        assertEquals("normweight", Heads.create("NormWeight").spec());
        assertEquals("normfeature(s=5)", Heads.create("normfeature(s=5)").spec());
        assertEquals("normface(s=0.5)", Heads.create("normface(s=0.5)").spec());
        assertEquals("normface(s=learn,s_init=4)", Heads.create("normface(s=learn,s_init=4)").spec());
        assertTrue(Heads.create("normface(s=20)") instanceof NormFaceHead);
    }

    @Test
    void unknownHeadListsWhatIsAccepted() {
        SpecException e = assertThrows(SpecException.class, () -> Heads.create("sofmax"));
        assertEquals("unknown head 'sofmax'; accepted: softmax, normweight, normfeature, normface", e.getMessage());
    }

    @Test
    void unknownKeyListsTheAcceptedKeys() {
        SpecException e = assertThrows(SpecException.class, () -> Heads.create("normface(scale=10)"));
        assertEquals("unknown argument 'scale' for 'normface'; accepted: s, s_init", e.getMessage());
        assertTrue(assertThrows(SpecException.class, () -> Heads.create("normweight(s=1)")).getMessage()
                .contains("accepted: none"));
    }

    @Test
    void refusesOutOfRangeAndMalformedValues() {
        assertEquals("normfeature: s must be > 0, got -1",
                assertThrows(SpecException.class, () -> Heads.create("normfeature(s=-1)")).getMessage());
        assertEquals("normface: s must be > 0, got 0",
                assertThrows(SpecException.class, () -> Heads.create("normface(s=0)")).getMessage());
        assertEquals("normface: s=ten is not a finite number",
                assertThrows(SpecException.class, () -> Heads.create("normface(s=ten)")).getMessage());
        assertEquals("softmax: bias=maybe must be true or false",
                assertThrows(SpecException.class, () -> Heads.create("softmax(bias=maybe)")).getMessage());
        assertTrue(assertThrows(SpecException.class, () -> Heads.create("normface(s=10,s_init=2)")).getMessage()
                .contains("s_init only applies with s=learn"));
        assertTrue(assertThrows(SpecException.class, () -> Heads.create("normface(s)")).getMessage()
                .contains("expected key=value"));
        assertTrue(assertThrows(SpecException.class, () -> Heads.create("normface(s=1,s=2)")).getMessage()
                .contains("given twice"));
        assertTrue(assertThrows(SpecException.class, () -> Heads.create("")).getMessage().contains("empty head spec"));
        assertTrue(assertThrows(SpecException.class, () -> Heads.create("9lives")).getMessage().contains("cannot parse"));
    }
}
