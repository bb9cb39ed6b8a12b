package overparam.cli;

import overparam.claims.*;
import overparam.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Run one claim with your parameters; print the verdict, the worst margin, and any shrunk counterexample.")
final class ProbeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "claim id")
    String id;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "claim parameter (see 'show ID'); repeatable")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--tries", description = "instances (or trials) per property, replacing the default")
    Integer tries;

    @Option(names = "--seed", defaultValue = "20261125", description = "seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--search", description = "adversarial search: drive the claim's margin toward violation")
    boolean search;

    @Option(names = "--json", description = "print the full result as JSON")
    boolean json;

    @Override
    public Integer call() {
        Claim claim = Registry.get().claim(id);
        RunContext ctx = new RunContext(Level.CI, seed, tries, set, search, Path.of("reports"), Path.of("generators/corpus"), Console.progress());
        ClaimResult r = Runs.runSafely(claim, ctx, true);
        Console.clearProgress();
        if (json) {
            System.out.println(Json.write(r));
        } else {
            System.out.println(r.id() + ": " + r.verdict() + (r.expected() == null ? "" : " (project expects " + r.expected() + ")"));
            System.out.println(r.summary());
            Evidence w = r.worstEvidence();
            if (w != null) System.out.println("worst margin: " + w.describe());
            for (PropertyOutcome p : r.properties()) {
                System.out.printf("  %-28s %-8s tries %-5d seed %d  %s%n", p.name(), p.verdict(), p.tries(), p.seed(),
                        p.asExpected() ? "" : "(expected " + p.expected() + ")");
                if (p.search() != null) System.out.println("    " + p.search().describe());
                if (p.refuted()) {
                    Counterexample cx = p.counterexample();
                    System.out.println("    generator: " + p.generator());
                    System.out.println("    replay:    seed " + cx.seed() + "; saved " + cx.corpusFile()
                            + (cx.origin() == null || cx.origin().equals("sampling") ? "" : "; found by " + cx.origin()));
                    System.out.println("    shrunk " + cx.sizeBefore() + " -> " + cx.sizeAfter() + " numbers in " + cx.shrinkSteps() + " steps; "
                            + cx.certification() + "; " + cx.margins());
                    System.out.println("    " + cx.evidence().describe());
                    System.out.println("    instance: " + cx.shrunk());
                }
            }
            for (RateEvidence e : r.rates()) System.out.println("  " + e.describe());
            for (TrendEvidence t : r.trends()) System.out.println("  " + t.describe());
            if (r.error() != null) System.out.println(r.error());
        }
        if (r.verdict() == Verdict.ERROR) return Main.BAD_INPUT;
        return r.verdict() == Verdict.REFUTED ? Main.REFUTED : Main.OK;
    }
}
