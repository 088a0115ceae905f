package org.softmaxzoo.cli;

/**
 * TensorFlow reads {@code TF_ENABLE_ONEDNN_OPTS} from the C environment once, while its native library
 * loads, and this TensorFlow Java build leaves oneDNN's kernels off unless it is set (measured in
 * notes/speed.md: about 1.2x faster training with them, same losses to 1e-5). So the CLI sets it to 1 in
 * its own process ({@link NativeEnvironment}) before any TensorFlow class is touched. Setting the
 * variable yourself, to 0 or 1, is respected.
 *
 * <p>No child process is involved, so killing the process one started stops the training, and arguments
 * and inherited file descriptors ({@code <(...)}) reach the command exactly.
 */
final class OneDnnSwitch {
    static final String VARIABLE = "TF_ENABLE_ONEDNN_OPTS";

    private static boolean setHere;

    private OneDnnSwitch() {
    }

    /** Turns oneDNN on unless the variable is set; call before TensorFlow loads. */
    static void turnOnIfUnset() {
        if (System.getenv(VARIABLE) == null) {
            setHere = NativeEnvironment.putIfAbsent(VARIABLE, "1");
        }
    }

    /** Whether TensorFlow in this process runs oneDNN's kernels. */
    static boolean enabledHere() {
        String v = System.getenv(VARIABLE);
        return setHere || v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }
}
