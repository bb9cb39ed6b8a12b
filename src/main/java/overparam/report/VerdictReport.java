package overparam.report;

import overparam.claims.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Collectors;

/**
 * Writes reports/verdicts.json (one row per registered claim, with all evidence) and reports/verdicts.md (counts per
 * paper and verdict, the refuted claims with a one-line reason, and every claim's verdict, tries and worst margin).
 */
public final class VerdictReport {
    private VerdictReport() {}

    public record Document(String harnessLevel, long seed, Map<String, Integer> counts, List<ClaimResult> claims) {}

    /** Results for every registered claim; registered claims without a result appear as NOT_RUN. */
    public static List<ClaimResult> complete(Collection<ClaimResult> results) {
        Map<String, ClaimResult> byId = new LinkedHashMap<>();
        for (Claim c : Registry.get().all()) byId.put(c.id(), null);
        for (ClaimResult r : results) byId.put(r.id(), r);
        List<ClaimResult> out = new ArrayList<>();
        for (Map.Entry<String, ClaimResult> e : byId.entrySet()) out.add(e.getValue() != null ? e.getValue() : ClaimResult.notRun(e.getKey()));
        return out;
    }

    public static void write(Path dir, String level, long seed, Collection<ClaimResult> results) {
        List<ClaimResult> all = complete(results);
        Map<String, Integer> counts = new TreeMap<>();
        for (ClaimResult r : all) counts.merge(r.verdict().name(), 1, Integer::sum);
        Json.write(dir.resolve("verdicts.json"), new Document(level, seed, counts, all));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("verdicts.md"), markdown(level, seed, all));
            Files.writeString(dir.resolve("verdicts.html"), html(level, seed, all));
            if (SearchSummary.searched(all)) SearchSummary.write(dir, level, seed, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(String level, long seed, List<ClaimResult> all) {
        StringBuilder sb = new StringBuilder("# Verdicts\n\n");
        sb.append("Level `").append(level).append("`, seed `").append(seed).append("`. ").append(all.size()).append(" registered claims.\n\n");
        List<String> verdicts = Arrays.stream(Verdict.values()).map(Enum::name).collect(Collectors.toList());
        Map<String, Map<String, Integer>> table = new TreeMap<>();
        for (ClaimResult r : all) table.computeIfAbsent(r.paper(), k -> new TreeMap<>()).merge(r.verdict().name(), 1, Integer::sum);
        sb.append("| paper | ").append(String.join(" | ", verdicts)).append(" |\n|---|").append("---|".repeat(verdicts.size())).append('\n');
        for (Map.Entry<String, Map<String, Integer>> e : table.entrySet()) {
            sb.append("| ").append(e.getKey());
            for (String v : verdicts) sb.append(" | ").append(e.getValue().getOrDefault(v, 0));
            sb.append(" |\n");
        }
        sb.append("\n## Refuted claims\n\n");
        boolean any = false;
        for (ClaimResult r : all) {
            if (r.verdict() != Verdict.REFUTED) continue;
            any = true;
            sb.append("- `").append(r.id()).append("` ").append(r.label()).append(": ").append(oneLine(r.summary()));
            Counterexample cx = r.counterexample();
            sb.append(" (").append(r.refutationBasis());
            if (cx != null && cx.corpusFile() != null) sb.append(", `").append(cx.corpusFile()).append('`');
            else if (cx == null) sb.append(", `generators/corpus/").append(r.id()).append("/evidence.json`");
            sb.append(')');
            sb.append('\n');
        }
        if (!any) sb.append("none\n");
        sb.append("\n## Disagreements with the project's expectation\n\n");
        any = false;
        for (ClaimResult r : all) {
            if (r.verdict() == Verdict.NOT_RUN || r.matchesExpectation()) continue;
            any = true;
            sb.append("- `").append(r.id()).append("`: expected ").append(r.expected()).append(", got ").append(r.verdict())
                    .append(": ").append(oneLine(r.error() != null ? r.error() : r.summary())).append('\n');
        }
        if (!any) sb.append("none\n");
        sb.append("\n## All claims\n\n| id | kind | expected | verdict | tries | worst margin | summary |\n|---|---|---|---|---|---|---|\n");
        for (ClaimResult r : all) {
            int tries = r.properties().stream().filter(p -> p.expected() == Verdict.HOLDS).mapToInt(PropertyOutcome::tries).sum()
                    + (int) r.rates().stream().mapToLong(RateEvidence::trials).sum();
            Evidence w = r.worstEvidence();
            sb.append("| `").append(r.id()).append("` | ").append(r.kind()).append(" | ").append(r.expected()).append(" | **")
                    .append(r.verdict()).append("** | ").append(tries).append(" | ")
                    .append(w == null ? "" : String.format("%.3g (slack %.3g)", w.margin(), w.slack())).append(" | ")
                    .append(oneLine(r.summary()).replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    /** The summary page: counts per paper and verdict, refuted claims with their reason, every claim's row. */
    public static String html(String level, long seed, List<ClaimResult> all) {
        StringBuilder sb = new StringBuilder("<!doctype html><html><head><meta charset='utf-8'><title>Verdicts</title><style>"
                + "body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 6px;"
                + "font-size:13px;vertical-align:top}.REFUTED{background:#fdd}.HOLDS{background:#dfd}.TREND{background:#def}"
                + ".VACUOUS{background:#eee}.INCONCLUSIVE{background:#ffd}.ERROR{background:#fc9}</style></head><body>");
        sb.append("<h1>Verdicts</h1><p>Level <code>").append(esc(level)).append("</code>, seed <code>").append(seed).append("</code>, ")
                .append(all.size()).append(" registered claims.</p>");
        List<String> verdicts = Arrays.stream(Verdict.values()).map(Enum::name).collect(Collectors.toList());
        Map<String, Map<String, Integer>> table = new TreeMap<>();
        for (ClaimResult r : all) table.computeIfAbsent(r.paper(), k -> new TreeMap<>()).merge(r.verdict().name(), 1, Integer::sum);
        sb.append("<h2>Counts</h2><table><tr><th>paper</th>");
        for (String v : verdicts) sb.append("<th>").append(v).append("</th>");
        sb.append("</tr>");
        for (Map.Entry<String, Map<String, Integer>> e : table.entrySet()) {
            sb.append("<tr><td>").append(esc(e.getKey())).append("</td>");
            for (String v : verdicts) sb.append("<td>").append(e.getValue().getOrDefault(v, 0)).append("</td>");
            sb.append("</tr>");
        }
        sb.append("</table><h2>Refuted claims</h2><ul>");
        for (ClaimResult r : all) {
            if (r.verdict() != Verdict.REFUTED) continue;
            Counterexample cx = r.counterexample();
            sb.append("<li><code>").append(esc(r.id())).append("</code> ").append(esc(r.label())).append(": ").append(esc(oneLine(r.summary())));
            sb.append(" <i>(").append(r.refutationBasis()).append(cx == null ? ", generators/corpus/" + esc(r.id()) + "/evidence.json"
                    : cx.corpusFile() == null ? "" : ", " + esc(cx.corpusFile())).append(")</i>");
            sb.append("</li>");
        }
        sb.append("</ul><h2>All claims</h2><table><tr><th>id</th><th>label</th><th>kind</th><th>expected</th><th>verdict</th><th>summary</th></tr>");
        for (ClaimResult r : all)
            sb.append("<tr class='").append(r.verdict()).append("'><td><code>").append(esc(r.id())).append("</code></td><td>").append(esc(r.label()))
                    .append("</td><td>").append(esc(r.kind())).append("</td><td>").append(r.expected()).append("</td><td><b>").append(r.verdict())
                    .append("</b></td><td>").append(esc(oneLine(r.summary()))).append("</td></tr>");
        return sb.append("</table></body></html>").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String oneLine(String s) {
        if (s == null) return "";
        String t = s.replace('\n', ' ').strip();
        return t.length() > 300 ? t.substring(0, 297) + "..." : t;
    }
}
