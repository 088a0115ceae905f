package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.heads.spec.SpecException;

/** Run names written from configurations and read back, checked against names written out by hand. */
class RunNameTest {
    private static final Path ROOT = Path.of("runs");

    @Test
    void specStyleNamesSplitAtDeclaredKeys() {
        RunName r = RunName.parse("mnist.arcface-s10-m30deg.weight_decay1e-3.feature64.classes0-7");
        assertEquals("arcface(s=10,m=30deg)", r.config().head());
        assertEquals(64, r.config().featureDim());
        assertEquals(1e-3f, r.config().weightDecay());
        assertEquals("classes0-7", r.trainingSet());
        assertEquals(8, r.classesTrained(10), "classes 0 to 7");
        assertEquals(3, RunName.parse("mnist.softmax.weight_decay1e-3.feature2.classes2-4").classesTrained(10), "classes 2, 3, 4");
        assertEquals(10, RunName.parse("mnist.softmax.weight_decay1e-3.feature2").classesTrained(10), "every class");
        // longest key first (m1 before m), and a value with a minus sign in it
        assertEquals("combined(s=30,m1=1,m2=0.5,m3=0.1)",
                RunName.parse("mnist.combined-s30-m11-m20.5-m30.1.weight_decay1e-3.feature2").config().head());
        assertEquals("softmax(bias=false)+center(lambda=1e-3,alpha=0.5)",
                RunName.parse("mnist.softmax-biasfalse+center-lambda1e-3-alpha0.5.weight_decay1e-3.feature2").config().head());
        RunName net = RunName.parse("fashion_mnist.normweight+ringloss-lambda1-formabs.weight_decay1e-5.feature2.net-writeup-narrow.limit500.seed3");
        assertEquals("normweight+ringloss(lambda=1,form=abs)", net.config().head());
        assertEquals(DatasetKind.FASHION_MNIST, net.config().dataset());
        assertEquals("writeup-narrow", net.config().network());
        assertEquals(500, net.config().trainLimit());
        assertEquals(3, net.config().seed());
        assertEquals(1e-5f, net.config().weightDecay());
    }

    @Test
    void configurationsWriteTheNamesTheyParseFrom() {
        TrainConfig cosface = TrainConfig.of(DatasetKind.MNIST, "cosface(s=10,m=0.2)").withFeatureDim(64);
        assertEquals("mnist.softmax.weight_decay1e-3.feature64.amsoftmax.scale10.margin0.2", RunName.of(cosface));
        assertEquals("mnist.cosface-s10-m0.2.weight_decay1e-3.feature64.classes0-7", RunName.of(cosface, 0, 7), "a class subset: spec style");
        TrainConfig plain = TrainConfig.of(DatasetKind.MNIST, "softmax(bias=false)").withSeed(2);
        assertEquals("mnist.softmax.weight_decay1e-3.feature2.seed2", RunName.of(plain));
        TrainConfig curricular = TrainConfig.of(DatasetKind.FASHION_MNIST, "curricularface(s=30,m=0.5)").withNetwork("writeup");
        assertEquals("fashion_mnist.curricularface-s30-m0.5.weight_decay1e-3.feature2.net-writeup", RunName.of(curricular));
        assertEquals(curricular.name(), RunName.of(curricular), "TrainConfig names a run as RunName writes it");
        assertEquals("curricularface(s=30,m=0.5)", RunName.parse(RunName.of(curricular)).config().head());
    }

    @Test
    void collectionFoldersSettleSeedAndBias() {
        String plain = "mnist.softmax.weight_decay1e-3.feature2";
        assertEquals("softmax(bias=false)", RunName.ofFolder(ROOT, ROOT.resolve(plain)).config().head());
        RunName seed2 = RunName.ofFolder(ROOT, ROOT.resolve("seeds/seed2").resolve(plain));
        assertEquals(2, seed2.config().seed());
        assertEquals("softmax", seed2.config().head());
        assertEquals(plain, seed2.formatIn("seeds/seed2"));
        assertEquals("softmax+ringloss(lambda=0.1)",
                RunName.ofFolder(ROOT, ROOT.resolve("with-bias").resolve(plain + ".ringloss.0.1")).config().head());
        RunName open = RunName.ofFolder(ROOT, ROOT.resolve("openset").resolve(plain + ".classes0-7"));
        assertEquals("softmax", open.config().head());
        assertEquals(plain + ".classes0-7", open.formatIn("openset"));
        assertEquals(plain + ".classes0-7", RunName.of(TrainConfig.of(DatasetKind.MNIST, "softmax"), 0, 7));
    }

    @Test
    void softmaxWithItsBiasIsNotNamedAsTheBiasFreeReferenceRow() {
        // notebook 02 trains both heads side by side: one folder each
        assertEquals("mnist.softmax.weight_decay1e-3.feature2", TrainConfig.of(DatasetKind.MNIST, "softmax(bias=false)").name());
        assertEquals("mnist.softmax-biastrue.weight_decay1e-3.feature2", TrainConfig.of(DatasetKind.MNIST, "softmax").name());
        assertEquals("softmax(bias=true)", RunName.parse("mnist.softmax-biastrue.weight_decay1e-3.feature2").config().head());
        assertEquals("mnist.softmax+ringloss-lambda0.1.weight_decay1e-3.feature2",
                TrainConfig.of(DatasetKind.MNIST, "softmax+ringloss(lambda=0.1)").name());
    }

    @Test
    void namesThatSayNothingAreRefused() {
        SpecException e = assertThrows(SpecException.class, () -> RunName.parse("mnist.nohead-s1.weight_decay1e-3.feature2"));
        assertTrue(e.getMessage().contains("unknown head or term 'nohead'"), e.getMessage());
        e = assertThrows(SpecException.class, () -> RunName.parse("mnist.normface-q10.weight_decay1e-3.feature2"));
        assertTrue(e.getMessage().contains("'q10' is no argument of normface"), e.getMessage());
        assertThrows(SpecException.class, () -> RunName.parse("cifar.normface-s10.weight_decay1e-3.feature2"));
        assertThrows(SpecException.class, () -> RunName.ofFolder(ROOT, ROOT.resolve("seeds/seed2/mnist.softmax.weight_decay1e-3.feature2.seed3")));
    }
}
