package overparam.cli;

import overparam.claims.*;
import overparam.report.Json;
import overparam.search.Corpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Run one claim with your parameters; print the verdict, the worst margin, and any shrunk counterexample.")
final class ProbeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "claim id (see 'list')")
    String id;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "claim parameter (see 'show ID'); repeatable. "
            + "A generator's own parameters: --set <generator-param>.<key>=VALUE, e.g. generator.eps=1e-4")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--generator", paramLabel = "NAME",
            description = "draw the claim's data from this generator of generators/specs.json (claims with a generator parameter)")
    String generator;

    @Option(names = "--tries", description = "instances (or trials) per property, replacing the default")
    Integer tries;

    @Option(names = "--seed", defaultValue = "20261125", description = "seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--search", description = "adversarial search: drive the claim's margin toward violation")
    boolean search;

    @Option(names = "--corpus", defaultValue = "reports/corpus", paramLabel = "DIR",
            description = "where counterexamples are saved (with the parameters they were found with); default ${DEFAULT-VALUE}")
    Path corpus;

    @Option(names = "--json", description = "print the full result as JSON")
    boolean json;

    @Override
    public Integer call() {
        Ids.info(id);
        Claim claim = Main.claimsOf(spec).claim(id);
        Map<String, String> overrides = new LinkedHashMap<>(set);
        if (generator != null) overrides.put(generatorParameter(claim), generator);
        new Params(claim.id(), claim.parameters(), overrides); // refuse bad parameters before running
        RunContext ctx = new RunContext(Level.CI, seed, tries, overrides, false, Path.of("reports"), corpus, Console.progress())
                .withSearch(search);
        ClaimResult r = Runs.runSafely(claim, ctx, true);
        Console.clearProgress();
        for (PropertyOutcome p : r.properties())
            if (p.refuted()) Corpus.recordParams(savedFile(claim.id(), p), overrides);
        if (json) System.out.println(Json.write(r));
        else print(claim, r);
        if (r.verdict() == Verdict.ERROR) {
            System.err.println("error: " + r.summary());
            return Main.INTERNAL;
        }
        return r.verdict() == Verdict.REFUTED ? Main.REFUTED : Main.OK;
    }

    /** The claim's one GENERATOR parameter, which --generator sets. */
    static String generatorParameter(Claim claim) {
        List<ParamSpec> gens = claim.parameters().stream().filter(p -> p.type() == ParamSpec.Type.GENERATOR).toList();
        if (gens.isEmpty())
            throw new BadInput(claim.id() + " does not take --generator (it declares no generator parameter); its parameters: "
                    + (claim.parameters().isEmpty() ? "(none)" : claim.parameters().stream().map(ParamSpec::name).toList()));
        if (gens.size() > 1)
            throw new BadInput(claim.id() + " draws from several generators " + gens.stream().map(ParamSpec::name).toList()
                    + "; choose with --set NAME=GENERATOR");
        return gens.get(0).name();
    }

    private Path savedFile(String claimId, PropertyOutcome p) {
        return Corpus.fileFor(corpus, claimId, p.name());
    }

    private void print(Claim claim, ClaimResult r) {
        System.out.println(r.id() + ": " + r.verdict() + (r.expected() == null ? "" : " (project expects " + r.expected() + ")"));
        System.out.println(r.summary());
        if (!r.params().isEmpty()) System.out.println("parameters: " + new java.util.TreeMap<>(r.params()));
        Evidence w = r.worstEvidence();
        if (w != null) System.out.println("worst margin: " + w.margin() + "  (" + w.describe() + ")");
        for (PropertyOutcome p : r.properties()) {
            String role = p.expected() == null ? "informative" : p.expected() == Verdict.REFUTED ? "negative control" : "statement";
            System.out.printf("  %-28s %-8s %-16s tries %-5d %s%n", p.name(), p.verdict(), role, p.tries(),
                    p.asExpected() ? "" : "(expected " + p.expected() + ")");
            System.out.println("    generator: " + p.generator());
            if (p.search() != null) System.out.println("    " + p.search().describe());
            if (p.refuted()) {
                Counterexample cx = p.counterexample();
                Path file = savedFile(claim.id(), p);
                System.out.println("    seed of the try: " + cx.seed() + (Files.exists(file) ? "; saved " + file + " (replay FILE)" : "")
                        + (cx.origin() == null || cx.origin().equals("sampling") ? "" : "; found by " + cx.origin()));
                System.out.println("    shrunk " + cx.sizeBefore() + " -> " + cx.sizeAfter() + " numbers in " + cx.shrinkSteps() + " steps; "
                        + cx.certification() + "; " + cx.margins());
                System.out.println("    " + cx.evidence().describe());
                System.out.println("    shrunk instance: " + Json.write(cx.shrunk()).replaceAll("\\s+", " "));
            }
        }
        for (RateEvidence e : r.rates()) System.out.println("  " + e.describe());
        for (TrendEvidence t : r.trends()) System.out.println("  " + t.describe());
        if (r.error() != null) System.out.println(r.error());
    }
}
