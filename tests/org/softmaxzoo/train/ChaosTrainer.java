package org.softmaxzoo.train;

import java.nio.file.Path;
import org.softmaxzoo.data.DatasetKind;
import org.softmaxzoo.data.Datasets;

/**
 * The process {@link ChaosIntegrationTest} kills: trains {@link #CONFIG} into the folder given, on the
 * (real MNIST, cut short) data root given, and says where it is ("step e s n" after each step, "saved e" after
 * each epoch's worklog and checkpoint, "done") so the test can aim its kills.
 */
public final class ChaosTrainer {
    static final TrainConfig CONFIG = TrainConfig.of(DatasetKind.MNIST, "softmax").withEpochs(3).withTrainLimit(320);

    private ChaosTrainer() {
    }

    public static void main(String[] args) {
        Trainer.run(CONFIG, new Datasets(Path.of(args[1])).load(DatasetKind.MNIST), Path.of(args[0]), new Trainer.Listener() {
            @Override
            public void step(int epoch, int step, int steps) {
                say("step " + epoch + " " + step + " " + steps);
            }

            @Override
            public void epochDone(TrainConfig config, EpochRecord record) {
                say("saved " + record.epoch());
            }
        });
        say("done");
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
