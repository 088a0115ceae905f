package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.testing.TestData;

/** Trains the default network, and the write-up's narrow one, on real MNIST for a short, fixed budget. */
@Tag("integration")
class MnistIntegrationTest {
    @TempDir
    Path dir;

    @Test
    void softmaxWithTwoDimensionalFeaturesLearnsMnist() {
        Datasets.Split mnist = new Datasets(TestData.root()).load(DatasetKind.MNIST);
        // Budget: 2 epochs of the 60,000 images (about 2-3 minutes on 2 cores). With d = 2 one epoch of
        // 10,000 images reaches only about 0.55, and one full epoch 0.87-0.89, too close to the bar.
        RunResult r = Trainer.train(TrainConfig.of(DatasetKind.MNIST, "softmax").withEpochs(2), mnist, dir, new Trainer.Listener() {
        });
        System.out.printf("MNIST softmax d=2, 2 epochs: test accuracy %.4f%n", r.last().testAccuracy());
        assertTrue(r.last().testAccuracy() >= 0.85, "test accuracy " + r.last().testAccuracy());
    }

    @Test
    void theWriteUpsNarrowNetworkLearnsMnist() {
        Datasets.Split mnist = new Datasets(TestData.root()).load(DatasetKind.MNIST);
        // Budget: one epoch of 10,000 images with 16-d features (about 15 s; 0.89 here); chance is 0.10.
        TrainConfig config = TrainConfig.of(DatasetKind.MNIST, "softmax(bias=false)").withNetwork("writeup-narrow")
                .withFeatureDim(16).withTrainLimit(10_000).withEpochs(1);
        RunResult r = Trainer.train(config, mnist, dir, new Trainer.Listener() {
        });
        System.out.printf("MNIST softmax, write-up's narrow network, d=16, 10,000 images: test accuracy %.4f%n",
                r.last().testAccuracy());
        assertTrue(r.last().testAccuracy() >= 0.80, "test accuracy " + r.last().testAccuracy());
    }
}
