package org.softmaxzoo.train;

/** One worklog row: the state of a run after an epoch, with the best test accuracy so far and its epoch. */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double seconds,
                          double imagesPerSecond, double bestAccuracy, int bestEpoch) {
}
