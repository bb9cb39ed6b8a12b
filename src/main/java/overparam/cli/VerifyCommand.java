package overparam.cli;

import overparam.claims.*;
import overparam.report.VerdictReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Run every registered claim (or one paper's) and write reports/verdicts.json and verdicts.md.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--paper", description = "only this paper (edmonds, critical, boob-lan, golikov, oymak)")
    String paper;

    @Option(names = "--level", defaultValue = "ci", description = "effort: ci, full (3x tries), deep (10x tries and search); default ${DEFAULT-VALUE}")
    String level;

    @Option(names = "--seed", defaultValue = "20261125", description = "global seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--reports", defaultValue = "reports", description = "output directory; default ${DEFAULT-VALUE}")
    Path reports;

    @Override
    public Integer call() {
        Level lv = Level.parse(level);
        RunContext ctx = new RunContext(lv, seed, null, java.util.Map.of(), lv == Level.DEEP, reports, Path.of("generators/corpus"),
                Console.progress());
        if (paper != null && !Catalog.get().papers().contains(paper))
            throw new BadInput("unknown paper '" + paper + "'; one of " + Catalog.get().papers());
        List<Claim> claims = new ArrayList<>(Main.claimsOf(spec).all());
        if (paper != null) claims.removeIf(c -> !c.id().startsWith(paper + "/"));
        if (claims.isEmpty()) throw new IllegalArgumentException("no registered claims" + (paper == null ? "" : " for paper '" + paper + "'"));
        List<ClaimResult> results = new ArrayList<>();
        int disagreements = 0;
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            ClaimResult r = Runs.runSafely(c, ctx, false);
            overparam.search.EvidenceFiles.save(ctx, r);
            results.add(r);
            if (!r.matchesExpectation()) disagreements++;
            Console.clearProgress();
            System.out.printf("[%d/%d] %-24s %-12s %s%n", i + 1, claims.size(), c.id(), r.verdict(),
                    r.matchesExpectation() ? "" : "(expected " + r.expected() + ")");
        }
        VerdictReport.write(reports, lv.name().toLowerCase(), seed, results);
        System.out.println("wrote " + reports.resolve("verdicts.json") + " and " + reports.resolve("verdicts.md"));
        return disagreements == 0 ? Main.OK : Main.REFUTED;
    }
}
