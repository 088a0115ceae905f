package org.softmaxzoo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar target/softmax-zoo.jar}: thin commands over the library. */
@Command(name = "softmax-zoo", mixinStandardHelpOptions = true, version = "softmax-zoo 0.1.0",
        description = "Softmax-based loss heads in TensorFlow Java: train, evaluate and benchmark.",
        subcommands = {TrainCommand.class, LossCommand.class, BenchCommand.class, GridCommand.class,
                SummarizeCommand.class, VerifyCommand.class, HeadsCommand.class, KnnCommand.class})
public final class Main {

    public static void main(String[] args) {
        OneDnnSwitch.turnOnIfUnset();
        System.exit(commandLine().execute(args));
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
