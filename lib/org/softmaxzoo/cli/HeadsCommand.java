package org.softmaxzoo.cli;

import java.util.concurrent.Callable;
import org.softmaxzoo.heads.Heads;
import picocli.CommandLine.Command;

@Command(name = "heads", mixinStandardHelpOptions = true, description = "List the head specs and the terms that combine with them.")
final class HeadsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("Heads (--head SPEC):");
        Heads.types().values().forEach(t -> System.out.println("  " + t.usage()));
        System.out.println("Terms, added with + (e.g. normweight+ringloss(lambda=0.1)):");
        Heads.terms().values().forEach(t -> System.out.println("  " + t.usage()));
        return 0;
    }
}
