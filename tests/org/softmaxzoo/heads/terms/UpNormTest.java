package org.softmaxzoo.heads.terms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.heads.Heads;
import org.softmaxzoo.heads.core.LossHead;
import org.softmaxzoo.heads.spec.SpecException;

/**
 * The UP term against hand-computed values. Class weights (columns of W, d = 2, C = 4): w_0 = (1,0),
 * w_1 = (0,2), w_2 = (3,0), w_3 = (1,1); squared norms 1, 4, 9, 2. With base = {1, 2}: alpha = 6.5,
 * rare classes 0 and 3, their mean squared norm 1.5.
 */
class UpNormTest {
    private static final float[] W = {1, 0, 3, 1, 0, 2, 0, 1};
    private static final float[][] X = {{1, 1}, {0, 1}};
    private static final int[] Y = {0, 2};

    private static TermHarness.Evaluation at(String spec) {
        return TermHarness.evaluate(TermHarness.term(spec), X, Y, 4, Map.of(LossHead.WEIGHT, W), LossHead.WEIGHT);
    }

    @Test
    void papersFormPullsTheRareClassesMeanSquaredNormToTheBaseMean() {
        // lambda (1.5 - 6.5)^2 = 0.1 * 25.
        assertEquals(2.5, at("upnorm(lambda=0.1,base=1-2)").value(), 1e-5);
        // d/dw_c = lambda 2 (1.5 - 6.5) (1/2) 2 w_c = -w_c for the rare classes; the base classes get nothing (alpha is held).
        assertArrayEquals(new float[] {-1, 0, 0, -1, 0, 0, 0, -1}, at("upnorm(lambda=0.1,base=1-2)").gradient(LossHead.WEIGHT), 1e-5f);
    }

    @Test
    void eachFormPullsEveryRareClassOnItsOwn() {
        // lambda ((1 - 6.5)^2 + (2 - 6.5)^2) = 0.1 * 50.5; d/dw_c = 4 lambda (||w_c||^2 - alpha) w_c: w_0 (-2.2, 0), w_3 (-1.8, -1.8).
        TermHarness.Evaluation each = at("upnorm(lambda=0.1,base=1;2,pull=each)");
        assertEquals(5.05, each.value(), 1e-5);
        assertArrayEquals(new float[] {-2.2f, 0, 0, -1.8f, 0, 0, 0, -1.8f}, each.gradient(LossHead.WEIGHT), 1e-5f);
    }

    @Test
    void baseSetDecidesWhoIsPulled() {
        // base = {0, 3}: alpha = 1.5, rare 1 and 2 with mean 6.5: the same gap, the other way.
        assertEquals(2.5, at("upnorm(lambda=0.1,base=0;3)").value(), 1e-5);
        // base = {1}: alpha = 4; rare 0, 2, 3 with mean 4: no pull on the mean, but each: (1-4)^2 + (9-4)^2 + (2-4)^2 = 38.
        assertEquals(0, at("upnorm(lambda=0.1,base=1)").value(), 1e-5);
        assertEquals(3.8, at("upnorm(lambda=0.1,base=1,pull=each)").value(), 1e-5);
    }

    @Test
    void baseIsRequiredAndChecked() {
        assertEquals("upnorm: give base=.., the well-represented classes whose mean squared weight norm the others are pulled to, "
                + "as labels and ranges joined by ';' (e.g. base=1-9 or base=0-3;5)",
                assertThrows(SpecException.class, () -> Heads.create("softmax+upnorm(lambda=1)")).getMessage());
        assertEquals("softmax+upnorm(lambda=1,base=0-3;5;7-9)", Heads.create("softmax+upnorm(lambda=1,base=9;8;7;5;0-3;2)").spec());
        assertEquals("softmax+upnorm(lambda=1,base=1-9,pull=each)", Heads.create("softmax+upnorm(lambda=1,base=1-9,pull=each)").spec());
        assertThrows(SpecException.class, () -> Heads.create("softmax+upnorm(base=3-1)"));
        assertThrows(SpecException.class, () -> Heads.create("softmax+upnorm(base=a)"));
        assertEquals("upnorm: base names class 4 but the data have classes 0..3",
                assertThrows(SpecException.class, () -> at("upnorm(base=1-4)")).getMessage());
        assertEquals("upnorm: base=0-3 names every class; leave out the classes it should act on",
                assertThrows(SpecException.class, () -> at("upnorm(base=0-3)")).getMessage());
    }
}
