package overparam.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import overparam.claims.*;
import overparam.gauss.BinomialInterval;
import overparam.report.Json;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The corpus record of a refutation that has no single counterexample instance: an exact failure-rate interval above
 * the bound, a fitted exponent whose interval excludes the claim, or measured numbers. Saved as
 * generators/corpus/&lt;claim-id&gt;/evidence.json by default (CI-level) runs, and replayed: rates are re-derived from
 * their counts, fits re-checked against the claimed value.
 */
public final class EvidenceFiles {
    private EvidenceFiles() {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entry(String claim, String basis, String summary, long seed, List<RateEvidence> rates, List<TrendEvidence> trends,
                        Map<String, Object> numbers) {
        public Entry {
            rates = rates == null ? List.of() : rates;
            trends = trends == null ? List.of() : trends;
            numbers = numbers == null ? Map.of() : numbers;
        }
    }

    public static Path fileFor(Path corpusDir, String claimId) {
        return corpusDir.resolve(claimId).resolve("evidence.json");
    }

    /** Writes the record for a REFUTED result without a counterexample instance, at the default effort only. */
    public static void save(RunContext ctx, ClaimResult r) {
        if (ctx.corpusDir() == null || r.verdict() != Verdict.REFUTED || r.counterexample() != null) return;
        if (ctx.level() != Level.CI || ctx.triesMultiplier() != 1 || ctx.tries() != null || !ctx.overrides().isEmpty()) return;
        List<RateEvidence> rates = r.rates().stream().filter(e -> e.verdict() == Verdict.REFUTED).toList();
        List<TrendEvidence> trends = r.trends().stream().filter(t -> t.claimed() != null && !t.consistent()).toList();
        Json.write(fileFor(ctx.corpusDir(), r.id()), new Entry(r.id(), r.refutationBasis(), r.summary(), r.seed(), rates, trends, r.numbers()));
    }

    public static boolean isEvidenceFile(Path file) {
        return file.getFileName().toString().equals("evidence.json");
    }

    public static Entry load(Path file) {
        return Json.fromTree(Json.read(file), Entry.class);
    }

    /** Re-derives what can be re-derived; returns null when the record still refutes its claim, else the reason it does not. */
    public static String replay(Entry e) {
        for (RateEvidence rate : e.rates()) {
            BinomialInterval ci = BinomialInterval.clopperPearson(rate.trials(), rate.failures(), rate.confidence());
            if (!(ci.lower() > rate.bound()))
                return rate.label() + ": " + rate.failures() + "/" + rate.trials() + " gives the interval [" + ci.lower() + ", " + ci.upper()
                        + "], not above the bound " + rate.bound();
        }
        for (TrendEvidence t : e.trends()) {
            if (t.claimed() == null) return t.label() + ": no claimed value recorded";
            if (t.claimed() >= t.ciLow() && t.claimed() <= t.ciHigh())
                return t.label() + ": the claimed " + t.claimed() + " lies in [" + t.ciLow() + ", " + t.ciHigh() + "]";
        }
        if (e.rates().isEmpty() && e.trends().isEmpty() && (e.numbers() == null || e.numbers().isEmpty()))
            return "the record holds no evidence";
        return null;
    }
}
