package org.softmaxzoo.cli;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the test JVM the CLI's quiet console: before any test runs, absl inside TensorFlow gets the level
 * {@code TF_CPP_MIN_LOG_LEVEL} sets (the pom passes 2; {@code -Dtest.tfLogLevel=0} shows everything). Without it
 * {@code mvn test} printed absl's two start-up lines, which the variable alone does not reach. Registered in
 * {@code META-INF/services}, so JUnit's launcher calls it once per test run.
 */
public final class QuietTestConsole implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        AbslLogLevel.levelOf(System.getenv(Main.LOG_LEVEL)).ifPresent(AbslLogLevel::set);
    }
}
