package org.softmaxzoo.cli;

import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of {@code java -jar target/softmax-zoo.jar}: thin commands over the library. */
@Command(name = "softmax-zoo", mixinStandardHelpOptions = true, version = "softmax-zoo 0.1.0",
        description = "Softmax-based loss heads in TensorFlow Java: train, evaluate and benchmark.",
        subcommands = {TrainCommand.class, LossCommand.class, BenchCommand.class, GridCommand.class,
                SummarizeCommand.class, VerifyCommand.class, HeadsCommand.class, KnnCommand.class})
public final class Main {
    static final String VERBOSE = "--verbose";
    static final String LOG_LEVEL = "TF_CPP_MIN_LOG_LEVEL";

    @Option(names = VERBOSE, scope = CommandLine.ScopeType.INHERIT,
            description = "Also show TensorFlow's native log lines (hidden otherwise, unless " + LOG_LEVEL + " is set)")
    boolean verbose;

    public static void main(String[] args) {
        OneDnnSwitch.turnOnIfUnset();
        // Read by TensorFlow as it loads, so decided from the raw arguments; 2 keeps its errors only. absl, which
        // TensorFlow also logs through, ignores the variable: the commands that run TensorFlow get the same level
        // set in absl before they start (loading TensorFlow, which the others never do).
        String level = System.getenv(LOG_LEVEL);
        if (level == null && !java.util.Arrays.asList(args).contains(VERBOSE)) {
            NativeEnvironment.putIfAbsent(LOG_LEVEL, "2");
            level = "2";
        }
        CommandLine cl = commandLine();
        OptionalInt absl = AbslLogLevel.levelOf(level);
        if (absl.isPresent()) {
            cl.setExecutionStrategy(parsed -> {
                List<CommandLine> chain = parsed.asCommandLineList();
                boolean help = chain.stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
                if (!help && chain.get(chain.size() - 1).getCommand() instanceof RunsTensorFlow) {
                    AbslLogLevel.set(absl.getAsInt());
                }
                return new CommandLine.RunLast().execute(parsed);
            });
        }
        System.exit(cl.execute(args));
    }

    /** The command line with errors in the user's input reported as one line, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof org.softmaxzoo.data.DataException
                    || e instanceof org.softmaxzoo.train.TrainingDivergedException
                    || e instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl;
    }
}
