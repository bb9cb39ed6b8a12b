package overparam.report;

import overparam.claims.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * reports/search-summary.md, written by a run with adversarial search (the `search` Maven profile, level deep): the
 * false refutations (claims expected to hold that came out REFUTED; the goal is 0, and each one is a finding or a
 * tolerance bug to investigate), what the search did per property, and the shrink statistics of every counterexample.
 */
public final class SearchSummary {
    private SearchSummary() {}

    /** True when some property of the results ran with search. */
    public static boolean searched(List<ClaimResult> all) {
        return all.stream().flatMap(r -> r.properties().stream()).anyMatch(p -> p.search() != null);
    }

    public static void write(Path dir, String level, long seed, List<ClaimResult> all) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("search-summary.md"), markdown(level, seed, all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(String level, long seed, List<ClaimResult> all) {
        StringBuilder sb = new StringBuilder("# Adversarial search summary\n\n");
        List<ClaimResult> run = all.stream().filter(r -> r.verdict() != Verdict.NOT_RUN).toList();
        List<ClaimResult> expectedHolds = run.stream().filter(r -> r.expected() == Verdict.HOLDS).toList();
        List<ClaimResult> falseRefutations = expectedHolds.stream().filter(r -> r.verdict() == Verdict.REFUTED).toList();
        long evaluations = 0, searchMillis = 0, claimMillis = 0;
        int searchedProperties = 0, searchViolations = 0;
        for (ClaimResult r : run) {
            claimMillis += r.millis();
            for (PropertyOutcome p : r.properties()) {
                if (p.search() == null || !p.search().ran()) continue;
                searchedProperties++;
                evaluations += p.search().evaluations();
                searchMillis += p.search().millis();
                if (p.search().violated()) searchViolations++;
            }
        }
        sb.append(String.format("Level `%s`, seed `%d`. %d claims run, %d expected to hold.%n%n", level, seed, run.size(), expectedHolds.size()));
        sb.append(String.format("**False refutations** (expected HOLDS, verdict REFUTED): **%d**%n%n", falseRefutations.size()));
        for (ClaimResult r : falseRefutations) {
            Counterexample cx = r.counterexample();
            sb.append("- `").append(r.id()).append("`: ").append(VerdictReport.oneLine(r.summary()));
            if (cx != null && cx.corpusFile() != null) sb.append(" (`").append(cx.corpusFile()).append("`)");
            sb.append('\n');
        }
        sb.append(String.format("%nSearch: %d properties searched, %d evaluations in %.1f s (claims' total time %.1f s), %d violations found by search.%n",
                searchedProperties, evaluations, searchMillis / 1000.0, claimMillis / 1000.0, searchViolations));

        sb.append("\n## Search per property\n\n| claim | property | expected | verdict | tries | search evaluations | discarded | threw | slack before | slack after | stopped by | s |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ClaimResult r : run)
            for (PropertyOutcome p : r.properties()) {
                SearchReport s = p.search();
                if (s == null) continue;
                sb.append(String.format("| `%s` | %s | %s | %s | %d | %d | %d | %d | %s | %s | %s | %.1f |%n", r.id(), p.name(), p.expected(),
                        p.verdict(), p.tries(), s.evaluations(), s.discarded(), s.failed(), num(s.slackBefore()), num(s.slackAfter()),
                        s.ran() ? s.stoppedBy() : "skipped: " + s.space().replace("|", "\\|"), s.millis() / 1000.0));
            }

        sb.append("\n## Counterexamples: shrinking and certification\n\n| claim | property | expected | origin | numbers before | after | certification | margins |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (ClaimResult r : run)
            for (PropertyOutcome p : r.properties()) {
                Counterexample cx = p.counterexample();
                if (cx == null) continue;
                sb.append(String.format("| `%s` | %s | %s | %s | %d | %d | %s | %s |%n", r.id(), p.name(), p.expected(),
                        cx.origin() == null || cx.origin().equals("sampling") ? "sampling" : "search", cx.sizeBefore(), cx.sizeAfter(),
                        cx.certification(), cx.margins().replace("|", "\\|")));
            }
        return sb.toString();
    }

    private static String num(Double d) {
        return d == null ? "" : String.format("%.3g", d);
    }
}
