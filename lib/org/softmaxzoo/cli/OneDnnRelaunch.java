package org.softmaxzoo.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * TensorFlow reads {@code TF_ENABLE_ONEDNN_OPTS} from the environment once, when it loads, and this
 * TensorFlow Java build leaves oneDNN's kernels off unless it is set; a Java process cannot set its
 * own environment. So when the variable is unset, the command runs once more as a child process with
 * it set to 1: the same java binary, JVM options and arguments (measured in notes/speed.md: about
 * 1.2x faster training, same losses to 1e-5). Setting the variable yourself, to 0 or 1, skips this.
 */
final class OneDnnRelaunch {
    static final String VARIABLE = "TF_ENABLE_ONEDNN_OPTS";

    private OneDnnRelaunch() {
    }

    /** Whether TensorFlow in this process runs oneDNN's kernels. */
    static boolean enabledHere() {
        String v = System.getenv(VARIABLE);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    /**
     * Runs this command line again with oneDNN switched on and returns the child's exit code, or
     * nothing when the variable is already set or this process's command line cannot be read (then the
     * command runs here, with TensorFlow's default kernels).
     */
    static OptionalInt runChildIfUnset() {
        if (System.getenv(VARIABLE) != null) {
            return OptionalInt.empty();
        }
        Optional<List<String>> command = commandLine();
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        ProcessBuilder pb = new ProcessBuilder(command.get()).inheritIO();
        pb.environment().put(VARIABLE, "1");
        try {
            Process child = pb.start();
            // If this process is stopped, the child stops too (its worklogs are written atomically).
            Thread stopChild = new Thread(child::destroy);
            Runtime.getRuntime().addShutdownHook(stopChild);
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stopChild);
            return OptionalInt.of(code);
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    private static Optional<List<String>> commandLine() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>();
        all.add(info.command().get());
        all.addAll(List.of(info.arguments().get()));
        return Optional.of(all);
    }
}
