package overparam.cli;

import overparam.claims.*;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Statement, hypotheses, constants and generators of one claim, with the paper file and label.")
final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "claim id, e.g. oymak/lemma-6.5")
    String id;

    @Override
    public Integer call() {
        ClaimInfo c = Catalog.get().info(id);
        Verdict exp = Expectations.get().expected(id);
        System.out.println(c.id() + " — " + c.label());
        System.out.println("paper:       " + c.paperFile() + " (" + c.paperKey() + ")");
        System.out.println("kind:        " + c.kind());
        System.out.println("catalogue:   expectation " + c.catalogueExpectation());
        System.out.println("project:     expects " + (exp == null ? "(open, unsettled)" : exp)
                + Expectations.get().reason(id).map(r -> " — " + r).orElse(""));
        System.out.println("statement:   " + c.statement());
        if (Registry.get().has(id)) {
            Claim claim = Registry.get().claim(id);
            if (!claim.parameters().isEmpty()) {
                System.out.println("parameters (--set name=value):");
                for (ParamSpec p : claim.parameters())
                    System.out.printf("  %-14s %-10s default %-10s %s%n", p.name(), p.type().name().toLowerCase(), p.defaultValue(), p.description());
            }
            String g = claim.generators();
            if (!g.isBlank()) System.out.println("generators:\n  " + g.replace("\n", "\n  "));
        } else System.out.println("(not registered yet)");
        System.out.println("\ncatalogue section:\n" + Catalog.get().section(id));
        return Main.OK;
    }
}
