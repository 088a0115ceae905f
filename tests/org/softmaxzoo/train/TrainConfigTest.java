package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.heads.spec.SpecException;

/** A configuration's name is derived from its fields (names written out by hand here), and a custom name is given last. */
class TrainConfigTest {
    private static final TrainConfig NORMFACE = TrainConfig.of(DatasetKind.MNIST, "normface(s=10)");

    @Test
    void everyChangeOfAFieldRenamesTheRun() {
        assertEquals("mnist.softmax.weight_decay1e-3.feature2.normface.scale10", NORMFACE.name());
        assertEquals("mnist.softmax.weight_decay1e-3.feature8.normface.scale10.limit300.seed2",
                NORMFACE.withSeed(2).withTrainLimit(300).withFeatureDim(8).name(), "seed last, whatever the order of the calls");
        assertEquals("mnist.softmax.weight_decay1e-5.feature2.arcface.scale10.margin30",
                NORMFACE.withWeightDecay(1e-5f).withHead("arcface(s=10,m=30deg)").name());
        assertEquals("mnist.normface-s10.weight_decay1e-3.feature2.net-writeup.seed3", NORMFACE.withSeed(3).withNetwork("writeup").name());
        assertEquals(NORMFACE.name(), NORMFACE.withSeed(3).withTrainLimit(50).withSeed(1).withTrainLimit(0).name(),
                "undoing the changes gives the name back");
        assertEquals(NORMFACE.name(), NORMFACE.withEpochs(3).name(), "the name does not say the epochs");
    }

    @Test
    void aDerivedNameParsesBackToTheConfiguration() {
        TrainConfig c = NORMFACE.withSeed(4).withFeatureDim(64).withWeightDecay(1e-5f).withNetwork("writeup-narrow").withTrainLimit(500);
        assertEquals(c, RunName.parse(c.name()).config());
        TrainConfig cosface = TrainConfig.of(DatasetKind.FASHION_MNIST, "cosface(s=10,m=0.35)").withSeed(2);
        assertEquals(cosface, ExperimentName.parse("fashion_mnist.softmax.weight_decay1e-3.feature2.amsoftmax.scale10.margin0.35.seed2"));
    }

    @Test
    void aCustomNameSurvivesEpochsAndYieldsToAnyOtherChange() {
        TrainConfig named = NORMFACE.withName("mine");
        assertEquals("mine", named.name());
        assertEquals("mine", named.withEpochs(3).name());
        assertEquals("mnist.softmax.weight_decay1e-3.feature2.normface.scale10.seed2", named.withSeed(2).name());
        assertEquals("mnist.sphereface-m4.weight_decay1e-3.feature2", named.withHead("sphereface(m=4)").name()); // the source's defaults are not spelled
        assertNull(NORMFACE.withName("mnist.softmax.weight_decay1e-3.feature2.normface.scale10").customName(),
                "the derived name given as a custom one stays derived");
        assertEquals(NORMFACE, named.withName(null));
        assertEquals(NORMFACE, named.withName("  "));
    }

    @Test
    void aWeightDecayTheOneDigitStyleWouldRoundIsWrittenInFull() {
        TrainConfig c = NORMFACE.withWeightDecay(2.5e-4f);
        assertEquals("mnist.softmax.weight_decay2.5e-4.feature2.normface.scale10", c.name());
        assertEquals(2.5e-4f, ExperimentName.parse(c.name()).weightDecay());
        assertEquals("mnist.softmax.weight_decay0.0.feature2.normface.scale10", NORMFACE.withWeightDecay(0).name());
        assertEquals(0f, ExperimentName.parse(NORMFACE.withWeightDecay(0).name()).weightDecay());
    }

    @Test
    void aNameItsConfigurationWritesOtherwiseIsRefused() {
        SpecException e = assertThrows(SpecException.class, () -> ExperimentName.parse("mnist.softmax.weight_decay0.001.feature2"));
        assertTrue(e.getMessage().contains("is written 'mnist.softmax.weight_decay1e-3.feature2'"), e.getMessage());
        e = assertThrows(SpecException.class, () -> RunName.parse("mnist.normface-s10.weight_decay1e-3.feature2"));
        assertTrue(e.getMessage().contains("'mnist.softmax.weight_decay1e-3.feature2.normface.scale10'"), e.getMessage());
    }
}
