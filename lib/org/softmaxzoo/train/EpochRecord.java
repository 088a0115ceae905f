package org.softmaxzoo.train;

/**
 * One worklog row: the state of a run after an epoch, with the best test accuracy so far and its epoch.
 * Values are kept at the worklog's printed precision, so a resumed run (which reads earlier rows back
 * from the file) compares and reports exactly what an uninterrupted run does.
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double seconds,
                          double imagesPerSecond, double bestAccuracy, int bestEpoch) {

    /** The row after {@code previous} (null for the first epoch); ties keep the earlier best epoch. */
    public static EpochRecord after(EpochRecord previous, int epoch, double trainLoss, double trainAccuracy,
                                    double testAccuracy, double seconds, double imagesPerSecond) {
        double test = round(testAccuracy, 4);
        boolean better = previous == null || test > previous.bestAccuracy();
        return new EpochRecord(epoch, round(trainLoss, 6), round(trainAccuracy, 6), test, round(seconds, 2),
                round(imagesPerSecond, 1), better ? test : previous.bestAccuracy(), better ? epoch : previous.bestEpoch());
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Double.isFinite(v) ? Math.round(v * f) / f : v;
    }
}
