package org.softmaxzoo.heads;

import org.softmaxzoo.heads.catalog.*;
import org.softmaxzoo.heads.core.*;
import org.softmaxzoo.heads.margins.*;
import org.softmaxzoo.heads.spec.*;
import org.softmaxzoo.heads.terms.*;
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
        assertTrue(Heads.create("normface(s=20)") instanceof NormFace);
    }

    @Test
    void unknownHeadListsWhatIsAccepted() {
        SpecException e = assertThrows(SpecException.class, () -> Heads.create("sofmax"));
        assertEquals("unknown head 'sofmax'; accepted: softmax, normweight, normfeature, normface, cosface, amsoftmax, "
                + "arcface, combined, sphereface, lsoftmax, heatedup, temperature, curricularface, elasticface, subcenter, subcenterarcface, magface, "
                + "adaface, dynamicmargin, dynamicarcface", e.getMessage());
        assertTrue(assertThrows(SpecException.class, () -> Heads.create("center")).getMessage()
                .contains("'center' is a term to add: head+center"));
    }

    @Test
    void unknownKeyListsTheAcceptedKeys() {
        SpecException e = assertThrows(SpecException.class, () -> Heads.create("normface(scale=10)"));
        assertEquals("unknown argument 'scale' for 'normface'; accepted: s, s_init", e.getMessage());
        assertTrue(assertThrows(SpecException.class, () -> Heads.create("normweight(s=1)")).getMessage()
                .contains("accepted: none"));
    }

    @Test
    void marginHeadsParseWithTheirCanonicalSpecs() {
        assertEquals("cosface(s=30,m=0.35)", Heads.create("cosface").spec());
        assertEquals("cosface(s=10,m=0.3)", Heads.create("amsoftmax(s=10,m=0.3)").spec());
        assertEquals("arcface(s=10,m=" + SpecNumbers.format((float) (Math.PI / 6)) + ")", Heads.create("arcface(s=10,m=30deg)").spec());
        assertEquals("arcface(s=64,m=0.5,easy_margin=true)", Heads.create("arcface(easy_margin=true)").spec());
        assertEquals("arcface(s=10,m=0.5,fallback=false)", Heads.create("arcface(s=10,fallback=false)").spec());
        assertEquals("combined(s=64,m1=1,m2=0.3,m3=0.2)", Heads.create("combined").spec());
        assertEquals("sphereface(m=4,lambda_min=3,lambda_max=30000,lambda_gamma=0.2,lambda_power=1)", Heads.create("sphereface").spec());
        assertEquals("sphereface(m=2,lambda_min=0,lambda_max=0,lambda_gamma=0.2,lambda_power=1)",
                Heads.create("sphereface(m=2,lambda_max=0)").spec());
        assertEquals("sphereface(m=4,lambda=0,gamma=2)", Heads.create("sphereface(lambda=0,gamma=2)").spec());
        assertEquals("lsoftmax(m=3,beta=0,beta_min=0,beta_decay=0.99)", Heads.create("lsoftmax(m=3,beta=0)").spec());
        assertEquals("heatedup(s_start=30,s_end=10,steps=10000,schedule=cosine)", Heads.create("heatedup(schedule=cosine)").spec());
        assertEquals("temperature(t=4)", Heads.create("temperature(T=4)").spec());
    }

    @Test
    void refusesImpossibleMargins() {
        assertEquals("sphereface: m must be an integer from 1 to 5, got 6",
                assertThrows(SpecException.class, () -> Heads.create("sphereface(m=6)")).getMessage());
        assertEquals("sphereface: m must be an integer from 1 to 5, got 2.5",
                assertThrows(SpecException.class, () -> Heads.create("sphereface(m=2.5)")).getMessage());
        assertEquals("lsoftmax: m must be an integer from 1 to 5, got 0",
                assertThrows(SpecException.class, () -> Heads.create("lsoftmax(m=0)")).getMessage());
        assertEquals("cosface: s must be > 0, got -30",
                assertThrows(SpecException.class, () -> Heads.create("cosface(s=-30)")).getMessage());
        assertEquals("arcface: m must be in [0, pi) radians, got -0.1",
                assertThrows(SpecException.class, () -> Heads.create("arcface(m=-0.1)")).getMessage());
        assertEquals("arcface: m must be in [0, pi) radians, got 3.2",
                assertThrows(SpecException.class, () -> Heads.create("arcface(m=3.2)")).getMessage());
        assertEquals("arcface: m must be in [0, pi) radians, got 180deg",
                assertThrows(SpecException.class, () -> Heads.create("arcface(m=180deg)")).getMessage());
        assertTrue(assertThrows(SpecException.class, () -> Heads.create("sphereface(lambda=1,lambda_max=10)")).getMessage()
                .contains("either lambda"));
        assertTrue(assertThrows(SpecException.class, () -> Heads.create("sphereface(lambda_min=10,lambda_max=5)")).getMessage()
                .contains("lambda_min must be in [0, 5]"));
        assertTrue(assertThrows(SpecException.class, () -> Heads.create("heatedup(schedule=zigzag)")).getMessage()
                .contains("schedule must be one of linear, cosine, step"));
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
