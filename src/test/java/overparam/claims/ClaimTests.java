package overparam.claims;

import io.qameta.allure.Allure;
import org.junit.jupiter.api.DynamicTest;
import overparam.report.Json;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one place where tests run claims: each claim becomes one test that runs it, records its verdict for
 * reports/verdicts.json, labels it for Allure, and fails when the verdict disagrees with the project's expectation.
 */
public final class ClaimTests {
    private ClaimTests() {}

    public static RunContext context() {
        RunContext ctx = RunContext.fromSystemProperties();
        Path base = Path.of(System.getProperty("basedir", "."));
        return new RunContext(ctx.level(), ctx.seed(), null, java.util.Map.of(), ctx.search(),
                base.resolve(System.getProperty("harness.reports", "reports")), base.resolve(System.getProperty("harness.corpus", "generators/corpus")), RunContext.Progress.NONE,
                ctx.triesMultiplier());
    }

    /** One dynamic test per registered claim of the paper. */
    public static Stream<DynamicTest> forPaper(String paper) {
        return Registry.get().paper(paper).stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> verify(c.id())));
    }

    public static ClaimResult verify(String id) {
        Claim claim = Registry.get().claim(id);
        ClaimResult r;
        try {
            r = claim.run(context());
        } catch (RuntimeException e) {
            VerdictCollector.record(ClaimResult.builder(id).verdict(Verdict.ERROR, "harness error: " + e).error(e.toString()).build());
            throw e;
        }
        VerdictCollector.record(r);
        overparam.search.EvidenceFiles.save(context(), r);
        AllureClaim.label(r);
        assertThat(r.expected()).as("%s is an open claim: settle it in resources/claims/expectations/<paper>.tsv", id).isNotNull();
        for (PropertyOutcome p : r.properties())
            assertThat(p.asExpected() || refutesExpectedRefutation(r, p)).as("%s / %s: expected %s, got %s%s", id, p.name(), p.expected(), p.verdict(),
                    p.refuted() ? " with counterexample " + Json.write(p.counterexample().shrunk()) + " (seed " + p.counterexample().seed()
                            + ", generator " + p.generator() + ")" : " in " + p.tries() + " tries").isTrue();
        assertThat(r.verdict()).as("%s: %s", id, r.summary()).isEqualTo(r.expected());
        return r;
    }

    /** A statement property refuted, in a claim the project expects to be refuted: that refutation is the expected evidence. */
    static boolean refutesExpectedRefutation(ClaimResult r, PropertyOutcome p) {
        return r.expected() == Verdict.REFUTED && p.expected() == Verdict.HOLDS && p.refuted();
    }

    /** Allure labels and evidence of a claim's test. */
    static final class AllureClaim {
        static void label(ClaimResult r) {
            Allure.epic(r.paper());
            Allure.feature(r.kind());
            Allure.story(r.id() + " " + r.label());
            Allure.label("claimId", r.id());
            Allure.label(VerdictStatusListener.VERDICT, r.verdict().name());
            Allure.label(VerdictStatusListener.SUMMARY, r.summary());
            Allure.description(r.statement() + "\n\nPaper: " + r.paperFile() + ", " + r.label() + "\nVerdict: " + r.verdict() + " — " + r.summary());
            Allure.parameter("verdict", r.verdict().name());
            Allure.parameter("expected", String.valueOf(r.expected()));
            Allure.parameter("seed", r.seed());
            for (PropertyOutcome p : r.properties()) {
                Allure.parameter(p.name() + " generator", p.generator());
                Allure.parameter(p.name() + " tries", p.tries());
                if (p.worst() != null) Allure.parameter(p.name() + " worst margin", p.worst().describe());
                if (p.search() != null) Allure.parameter(p.name() + " search", p.search().describe());
                if (p.refuted()) {
                    Allure.parameter(p.name() + " counterexample", p.counterexample().certification() + "; " + p.counterexample().margins()
                            + "; shrunk " + p.counterexample().sizeBefore() + " -> " + p.counterexample().sizeAfter() + " numbers");
                    Allure.addAttachment(p.name() + " counterexample (original)", "application/json", Json.write(p.counterexample().original()), ".json");
                    Allure.addAttachment(p.name() + " counterexample (shrunk)", "application/json", Json.write(p.counterexample().shrunk()), ".json");
                }
            }
            for (String a : r.attachments()) {
                java.nio.file.Path f = java.nio.file.Path.of(a);
                if (!java.nio.file.Files.isRegularFile(f)) continue;
                String name = f.getFileName().toString();
                String type = name.endsWith(".png") ? "image/png" : name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".csv") ? "text/csv" : "application/octet-stream";
                try (java.io.InputStream in = java.nio.file.Files.newInputStream(f)) {
                    Allure.addAttachment(name, type, in, name.substring(name.lastIndexOf('.')));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            Allure.addAttachment("result", "application/json", Json.write(r), ".json");
        }
    }
}
