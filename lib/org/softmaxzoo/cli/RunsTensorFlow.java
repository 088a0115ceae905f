package org.softmaxzoo.cli;

/**
 * Marks a command that runs TensorFlow sessions, so {@link Main} quiets absl's native logging before it runs
 * ({@link AbslLogLevel}); the other commands start without loading TensorFlow's libraries (about 2 s).
 */
interface RunsTensorFlow {
}
