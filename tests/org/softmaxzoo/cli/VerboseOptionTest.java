package org.softmaxzoo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --verbose} is accepted by every command (it is read before TensorFlow loads, in {@link Main#main}). */
class VerboseOptionTest {
    @Test
    void everyCommandTakesVerbose() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        for (String command : cl.getSubcommands().keySet()) {
            CommandLine.ParseResult parsed = cl.parseArgs(command, Main.VERBOSE, "--help");
            assertTrue(parsed.hasSubcommand(), command);
        }
        assertEquals("", err.toString());
        assertTrue(cl.getSubcommands().get("train").getUsageMessage().contains("--verbose"));
    }
}
