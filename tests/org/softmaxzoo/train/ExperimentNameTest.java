package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.heads.spec.SpecException;

class ExperimentNameTest {

    @Test
    void plainSoftmaxRow() {
        TrainConfig c = ExperimentName.parse("fashion_mnist.softmax.weight_decay1e-3.feature2");
        assertEquals(DatasetKind.FASHION_MNIST, c.dataset());
        assertEquals("softmax(bias=false)", c.head()); // the reference's class layer has no bias
        assertEquals(1e-3f, c.weightDecay());
        assertEquals(2, c.featureDim());
        assertEquals(40, c.epochs());
        assertEquals(64, c.batchSize());
        assertEquals(1e-3f, c.learningRate());
        assertEquals("fashion_mnist.softmax.weight_decay1e-3.feature2", c.name());
    }

    @Test
    void normalizationRows() {
        assertEquals("normface(s=10)", ExperimentName.parse("mnist.softmax.weight_decay1e-3.feature2.normface.scale10").head());
        assertEquals("normface(s=1)", ExperimentName.parse("mnist.softmax.weight_decay1e-3.feature2.normface.scale1").head());
        assertEquals("normfeature(s=5)", ExperimentName.parse("mnist.softmax.weight_decay1e-3.feature2.normfeature.scale5").head());
        assertEquals("normweight", ExperimentName.parse("mnist.softmax.weight_decay1e-3.feature2.normweight").head());
        TrainConfig c = ExperimentName.parse("mnist.softmax.weight_decay1e-5.feature64.normface.scale50");
        assertEquals(1e-5f, c.weightDecay());
        assertEquals(64, c.featureDim());
    }

    @Test
    void marginAndRegularizerSuffixesMapToTheirSpecs() {
        assertEquals("cosface(s=10,m=0.3)", ExperimentName.headOf("amsoftmax.scale10.margin0.3", "x"));
        assertEquals("arcface(s=10,m=30deg)", ExperimentName.headOf("arcface.scale10.margin30", "x"));
        assertEquals("normweight+ringloss(lambda=0.1)", ExperimentName.headOf("normweight.ringloss.0.1", "x"));
        assertEquals("softmax(bias=false)+ringloss(lambda=0.01)", ExperimentName.headOf("ringloss.0.01", "x"));
    }

    /** Every row of the reference tables (MNIST and Fashion-MNIST share these suffixes). */
    static final String[] REFERENCE_SUFFIXES = {"", ".normface.scale1", ".normweight.ringloss.1", ".ringloss.1",
        ".amsoftmax.scale10.margin0.01", ".normfeature.scale1", ".normface.scale50", ".arcface.scale10.margin0",
        ".normface.scale5", ".normweight.ringloss.0.1", ".amsoftmax.scale10.margin0", ".normfeature.scale10",
        ".normface.scale20", ".normfeature.scale5", ".normfeature.scale20", ".normface.scale10", ".amsoftmax.scale10.margin0.3",
        ".normweight", ".ringloss.0.1", ".normfeature.scale50", ".amsoftmax.scale10.margin0.1", ".ringloss.0.01",
        ".normweight.ringloss.0.01", ".amsoftmax.scale10.margin0.2", ".arcface.scale10.margin10", ".arcface.scale10.margin20",
        ".arcface.scale10.margin30"};

    @Test
    void everyReferenceRowParsesToAHead() {
        for (String dataset : new String[] {"mnist", "fashion_mnist"}) {
            for (String suffix : REFERENCE_SUFFIXES) {
                TrainConfig c = ExperimentName.parse(dataset + ".softmax.weight_decay1e-3.feature2" + suffix);
                org.softmaxzoo.heads.Heads.create(c.head());
            }
        }
        assertEquals("arcface(s=10,m=" + (float) Math.toRadians(30) + ")", org.softmaxzoo.heads.Heads.create(
                ExperimentName.parse("mnist.softmax.weight_decay1e-3.feature2.arcface.scale10.margin30").head()).spec());
        assertEquals("cosface(s=10,m=0.01)", org.softmaxzoo.heads.Heads.create(
                ExperimentName.parse("mnist.softmax.weight_decay1e-3.feature2.amsoftmax.scale10.margin0.01").head()).spec());
    }

    @Test
    void refusesMalformedNames() {
        assertTrue(assertThrows(SpecException.class, () -> ExperimentName.parse("cifar.softmax.weight_decay1e-3.feature2"))
                .getMessage().contains("cannot parse experiment name"));
        assertTrue(assertThrows(SpecException.class, () -> ExperimentName.parse("mnist.softmax.feature2"))
                .getMessage().contains("expected <mnist|fashion_mnist>"));
        SpecException e = assertThrows(SpecException.class,
                () -> ExperimentName.parse("mnist.softmax.weight_decay1e-3.feature2.normface.size10"));
        assertTrue(e.getMessage().contains("unknown head suffix 'normface.size10'") && e.getMessage().contains("normface.scale<n>"),
                e.getMessage());
    }

    @Test
    void overridesKeepTheNameTruthful() {
        TrainConfig c = ExperimentName.parse("mnist.softmax.weight_decay1e-3.feature2").withTrainLimit(1000).withFeatureDim(8);
        assertEquals("mnist.softmax.weight_decay1e-3.feature8.limit1000", c.name());
        // One name per configuration, however it was made: a head the reference tables have is named their way.
        TrainConfig normface = TrainConfig.of(DatasetKind.MNIST, "normface(s=10)");
        assertEquals("mnist.softmax.weight_decay1e-3.feature2.normface.scale10", normface.name());
        assertEquals(ExperimentName.parse("mnist.softmax.weight_decay1e-3.feature2.normface.scale10"), normface);
        TrainConfig lighter = TrainConfig.of(DatasetKind.MNIST, "softmax(bias=false)").withWeightDecay(1e-5f);
        assertEquals("mnist.softmax.weight_decay1e-5.feature2", lighter.name());
        assertEquals(1e-5f, lighter.weightDecay());
    }

    @Test
    void anotherNetworkIsNamedAndRecordedButTheDefaultKeepsOldRunsResumable() {
        TrainConfig reference = ExperimentName.parse("fashion_mnist.softmax.weight_decay1e-3.feature2.ringloss.0.01");
        TrainConfig narrow = reference.withTrainLimit(500).withNetwork("writeup-narrow");
        // The reference tables' names say nothing of the network: another network's run is named in spec style.
        assertEquals("fashion_mnist.softmax-biasfalse+ringloss-lambda0.01.weight_decay1e-3.feature2.net-writeup-narrow.limit500",
                narrow.name());
        assertEquals("writeup-narrow", narrow.identity().getProperty("network"));
        assertEquals(reference.name() + ".limit500", narrow.withNetwork("three-block").name());
        // Runs written before the choice existed have no network entry; the default adds none.
        assertEquals(null, reference.identity().getProperty("network"));
        assertEquals("three-block", reference.network());
        assertEquals("unknown network 'vgg'; known: three-block, writeup, writeup-narrow",
                assertThrows(IllegalArgumentException.class, () -> reference.withNetwork("vgg")).getMessage());
    }

    @Test
    void refusesImpossibleHyperParameters() {
        TrainConfig c = TrainConfig.of(DatasetKind.MNIST, "softmax");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.withEpochs(0)).getMessage().contains("epochs must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.withFeatureDim(0)).getMessage()
                .contains("feature dimension must be >= 1"));
        assertThrows(SpecException.class, () -> TrainConfig.of(DatasetKind.MNIST, "normface(s=-2)"));
    }

    @Test
    void aSeedOtherThanOneIsPartOfTheNameAndParsesBack() {
        String base = "mnist.softmax.weight_decay1e-3.feature2.arcface.scale10.margin30";
        TrainConfig c = ExperimentName.parse(base + ".seed3");
        assertEquals(3, c.seed());
        assertEquals("arcface(s=10,m=30deg)", c.head());
        assertEquals(base + ".seed3", c.name());
        assertEquals(base, ExperimentName.forSeed(base, 1));
        assertEquals(base + ".seed2", ExperimentName.forSeed(base, 2));
        assertEquals(ExperimentName.parse(base).withSeed(2), ExperimentName.parse(ExperimentName.forSeed(base, 2)));
        // Seed 1 is the default and has no suffix: one name per run.
        assertThrows(SpecException.class, () -> ExperimentName.parse(base + ".seed1"));
        assertThrows(SpecException.class, () -> ExperimentName.forSeed(base + ".seed2", 3));
    }

    @Test
    void otherRenamingsKeepTheSeedLast() {
        TrainConfig c = TrainConfig.of(DatasetKind.MNIST, "normface(s=10)").withSeed(4).withFeatureDim(64).withTrainLimit(500)
                .withNetwork("writeup-narrow");
        assertEquals("mnist.normface-s10.weight_decay1e-3.feature64.net-writeup-narrow.limit500.seed4", c.name());
        assertEquals("mnist.normface-s10.weight_decay1e-3.feature64.net-writeup-narrow.limit500", c.withSeed(1).name());
    }
}
