package overparam.cli;

import overparam.claims.*;
import overparam.data.GeneratorSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Statement, hypotheses, constants and generators of one claim, with the paper file and label.")
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "claim id, e.g. oymak/lemma-6.5")
    String id;

    @Override
    public Integer call() {
        ClaimInfo c = Ids.info(id);
        Main.Claims claims = Main.claimsOf(spec);
        Verdict exp = Expectations.get().expected(id);
        System.out.println(c.id() + " — " + c.label());
        System.out.println("paper:       " + c.paperFile() + " (" + c.paperKey() + "), " + c.label());
        System.out.println("kind:        " + c.kind());
        System.out.println("catalogue:   expectation " + c.catalogueExpectation());
        System.out.println("project:     expects " + (exp == null ? "(open, unsettled)" : exp)
                + Expectations.get().reason(id).map(r -> " — " + r).orElse(""));
        System.out.println("statement:   " + c.statement());
        if (claims.has(id)) {
            Claim claim = claims.claim(id);
            if (claim.parameters().isEmpty()) System.out.println("parameters:  (none to set)");
            else {
                System.out.println("parameters (probe/sweep --set name=value):");
                for (ParamSpec p : claim.parameters()) {
                    System.out.printf("  %-14s %-10s default %-10s %s%n", p.name(), p.type().name().toLowerCase(), p.defaultValue(), p.description());
                    if (p.type() == ParamSpec.Type.GENERATOR)
                        System.out.printf("  %-14s %-10s --generator NAME with NAME in %s; its parameters as --set %s.KEY=VALUE%n", "", "",
                                GeneratorSpecs.names(), p.name());
                }
            }
            String g = claim.generators();
            if (!g.isBlank()) System.out.println("generators (per property):\n  " + g.replace("\n", "\n  "));
        } else System.out.println("(not registered yet: no code runs this claim)");
        System.out.println("\ncatalogue section (hypotheses, constants, generators, FAIL constructions):\n" + Catalog.get().section(id));
        return Main.OK;
    }
}
