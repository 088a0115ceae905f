package org.softmaxzoo.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;

/**
 * The process {@link ChaosIntegrationTest} kills: trains {@link #CONFIG} into the folder given, on the
 * (real MNIST, cut short) data root given, and says where it is ("step e s n" after each step, "saved e" after
 * each epoch's worklog and checkpoint, "done") so the test can aim its kills. After the first step of the last epoch
 * it says "gate" and waits for a line on its input: a life the test means to kill before the end then cannot finish
 * while the test sleeps towards its kill moment (that race once made the test read a closed stream).
 */
public final class ChaosTrainer {
    static final TrainConfig CONFIG = TrainConfig.of(DatasetKind.MNIST, "softmax").withEpochs(6).withTrainLimit(320);
    // Six epochs: five epoch ends to catch two checkpoint writes in, the last epoch being only killed mid-way.

    private ChaosTrainer() {
    }

    public static void main(String[] args) {
        // The test hands it a cut-down copy of MNIST: not the official content, accepted and recorded as such.
        Trainer.train(CONFIG, new Datasets(Path.of(args[1])).acceptingUnofficial().load(DatasetKind.MNIST), Path.of(args[0]), new Trainer.Listener() {
            @Override
            public void step(int epoch, int step, int steps) {
                say("step " + epoch + " " + step + " " + steps);
                if (epoch == CONFIG.epochs() && step == 1) {
                    say("gate");
                    awaitLine();
                }
            }

            @Override
            public void epochDone(TrainConfig config, EpochRecord record) {
                say("saved " + record.epoch());
            }
        });
        say("done");
    }

    private static void awaitLine() {
        try {
            if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine() == null) {
                throw new IllegalStateException("the test closed the gate's input");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
