package org.softmaxzoo.train;

import java.nio.file.Path;

/** A separate process for tests: takes the lock of the run folder given, says "held", and keeps it until killed. */
public final class HoldRunLock {
    private HoldRunLock() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunLock lock = RunLock.tryAcquire(Path.of(args[0]));
        System.out.println(lock == null ? "busy" : "held");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
