package org.softmaxzoo.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.softmaxzoo.heads.spec.SpecException;

/** Head arguments stay within float32, and so do the logits their products make (issue 22, finding 4). */
class HeadArgumentLimitsTest {
    private static String refusal(String spec) {
        return assertThrows(SpecException.class, () -> Heads.create(spec)).getMessage();
    }

    @Test
    void anArgumentBeyondFloat32IsRefusedNamingIt() {
        // 1e39 is finite as a double but not as a float (largest float 3.4028235e38).
        assertEquals("arcface: s must be finite in float32 (|s| <= 3.4028235E38), got 1.0E39", refusal("arcface(s=1e39)"));
        assertEquals("normfeature: s must be finite in float32 (|s| <= 3.4028235E38), got 1.0E39", refusal("normfeature(s=1e39)"));
        // 1e-50 is positive as a double and 0 as a float.
        assertEquals("temperature: t must be > 0 in float32 (at least 1.4E-45), got 1.0E-50", refusal("temperature(t=1e-50)"));
    }

    @Test
    void finiteArgumentsWhoseLogitsOverflowAreRefused() {
        // s = 3e38 is a float, but s (1 + 0.35) = 4.05e38 is not: the target logit -s (1 + m) overflows.
        assertEquals("cosface: s * (1 + m) = 4.050e+38 would overflow the float32 logits (at most 3.4028235E38); choose smaller "
                + "arguments", refusal("cosface(s=3e38,m=0.35)"));
        assertEquals("combined: s * (1 + m3) = 3.600e+38 would overflow the float32 logits (at most 3.4028235E38); choose smaller "
                + "arguments", refusal("combined(s=3e38,m1=1,m2=0.3,m3=0.2)"));
        // 1 / 1e-39: t is a (subnormal) float, the logits divided by it are not.
        assertEquals("temperature: 1 / t = 1.000e+39 would overflow the float32 logits (at most 3.4028235E38); choose smaller "
                + "arguments", refusal("temperature(t=1e-39)"));
        // Within the bound: accepted.
        assertEquals("cosface(s=2.0E38,m=0.35)", Heads.create("cosface(s=2e38,m=0.35)").spec());
    }
}
