package org.softmaxzoo.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;
import org.softmaxzoo.testing.TestData;

/**
 * Every head and term trains the default network on real MNIST for a short, fixed budget (100 steps
 * of 64 images) without a NaN: the trainer stops with an error on a non-finite loss.
 */
@Tag("integration")
class EveryHeadTrainsIntegrationTest {
    private static Datasets.Split mnist;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        mnist = new Datasets(TestData.root()).load(DatasetKind.MNIST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"softmax(bias=false)", "normweight", "normfeature(s=10)", "normface(s=10)", "normface(s=learn)",
        "cosface(s=10,m=0.35)", "arcface(s=10,m=0.5)", "arcface(s=10,m=0.5,easy_margin=true)",
        "combined(s=10,m1=1.2,m2=0.2,m3=0.1)", "sphereface(m=4)", "sphereface(m=4,lambda=0,gamma=1)", "lsoftmax(m=2)",
        "heatedup(s_start=30,s_end=10,steps=100)", "temperature(t=2)", "normweight+ringloss(lambda=0.1)",
        "softmax+center(lambda=0.003,alpha=0.5)", "normweight+upnorm(lambda=0.01,base=1-9)", "normface(s=10)+whiten",
        "curricularface(s=10)", "elasticface(s=10)", "elasticface(s=10,form=cos,plus=true)", "softmax+range(k=2)",
        "subcenter(s=10)", "magface(s=10,l_a=0.1,u_a=1.1,lambda_g=0.055)", "adaface(s=10)", "dynamicmargin(s=10)"})
    void trainsWithoutNaN(String head) {
        TrainConfig config = TrainConfig.of(DatasetKind.MNIST, head).withEpochs(1).withTrainLimit(6400);
        RunResult r = Trainer.train(config, new Datasets.Split(mnist.train(), mnist.test().limit(2000)), dir, new Trainer.Listener() {
        });
        System.out.printf("%-45s loss %.4f  test acc %.4f%n", head, r.last().trainLoss(), r.last().testAccuracy());
        assertTrue(Double.isFinite(r.last().trainLoss()), head);
        assertTrue(r.last().testAccuracy() >= 0 && r.last().testAccuracy() <= 1, head);
    }
}
