package org.softmaxzoo.train;

/** The loss became NaN or infinite; the run stopped and kept the checkpoint of the last completed epoch. */
public final class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
