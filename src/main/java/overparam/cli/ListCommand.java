package overparam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import overparam.claims.*;
import overparam.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List claim ids with label, kind, expectation and last verdict.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--paper", description = "only this paper")
    String paper;

    @Option(names = "--verdict", description = "only claims whose last verdict is this (HOLDS, REFUTED, ..., NOT_RUN)")
    String verdict;

    @Option(names = "--reports", defaultValue = "reports", description = "where the last verdicts.json is; default ${DEFAULT-VALUE}")
    Path reports;

    @Override
    public Integer call() {
        if (paper != null && !Catalog.get().papers().contains(paper))
            throw new BadInput("unknown paper '" + paper + "'; one of " + Catalog.get().papers());
        Main.Claims claims = Main.claimsOf(spec);
        Verdict filter = verdict == null ? null : Verdict.parse(verdict);
        Map<String, String> last = lastVerdicts();
        System.out.printf("%-24s %-14s %-12s %-13s %s%n", "id", "kind", "expected", "last verdict", "label");
        int shown = 0, registered = 0;
        for (ClaimInfo c : Catalog.get().all()) {
            if (paper != null && !c.paperKey().equals(paper)) continue;
            String lv = last.getOrDefault(c.id(), claims.has(c.id()) ? "NOT_RUN" : "unregistered");
            if (filter != null && !lv.equals(filter.name())) continue;
            Verdict exp = Expectations.get().expected(c.id());
            System.out.printf("%-24s %-14s %-12s %-13s %s%n", c.id(), c.kind(), exp == null ? "open" : exp, lv, c.label());
            shown++;
            if (claims.has(c.id())) registered++;
        }
        System.out.printf("%d claims (%d registered)%s%n", shown, registered,
                Files.exists(reports.resolve("verdicts.json")) ? "; last verdicts from " + reports.resolve("verdicts.json") : "; no " + reports.resolve("verdicts.json") + " yet (run 'verify')");
        return Main.OK;
    }

    private Map<String, String> lastVerdicts() {
        Map<String, String> m = new HashMap<>();
        Path f = reports.resolve("verdicts.json");
        if (!Files.exists(f)) return m;
        for (JsonNode c : Json.read(f).path("claims")) m.put(c.path("id").asText(), c.path("verdict").asText());
        return m;
    }
}
