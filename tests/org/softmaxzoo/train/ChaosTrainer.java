package org.softmaxzoo.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;

/**
 * The process {@link ChaosIntegrationTest} kills: trains {@link #CONFIG} into the folder given, on the
 * (real MNIST, cut short) data root given, and says where it is ("step e s n" after each step, "saved e" after
 * each epoch's worklog and checkpoint, "done") so the test can aim its kills. After the last step of the last epoch
 * (every step a mid-epoch kill can aim at comes before it) it says "gate" and waits for a line on its input, which
 * the test sends whenever it reads "gate": a life the test means to kill, whose kill moment is still to come while
 * the test sleeps towards it, then cannot finish by itself (that race once made the test read a closed stream).
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
                if (epoch == CONFIG.epochs() && step == steps) {
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

    /** Reads up to the next newline of the input, byte by byte (no buffer that could swallow a later line). */
    private static void awaitLine() {
        try {
            int c;
            while ((c = System.in.read()) != '\n') {
                if (c < 0) {
                    throw new IllegalStateException("the test closed the gate's input");
                }
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
