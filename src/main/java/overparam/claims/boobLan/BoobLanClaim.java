package overparam.claims.boobLan;

import overparam.claims.*;
import overparam.search.PropertyRunner;

import java.util.*;

/**
 * A {@link PropertyClaim} whose run may add experiments computed once per run (a rate with an exact interval, a rank
 * table, a search whose counterexample it certifies and saves itself) and numbers. The verdict: REFUTED when a statement
 * property (expected to hold: the paper's statement, also where the project expects it refuted) is refuted, or a rate
 * lies above its bound; HOLDS otherwise. Negative controls (expectRefuted) never decide it. Observed and claimed ranks
 * found in the evidence details are copied to the numbers.
 */
abstract class BoobLanClaim extends PropertyClaim {
    protected BoobLanClaim(String id) {
        super(id);
    }

    /** Properties the run does not hand to the runner (an experiment runs them, e.g. an expensive search). */
    protected Set<String> manualProperties() {
        return Set.of();
    }

    /** Experiments: may add rates, numbers, attachments to {@code r}; returns extra property outcomes. */
    protected List<PropertyOutcome> experiments(Params p, RunContext ctx, ClaimResult.Builder r) {
        return List.of();
    }

    @Override
    public ClaimResult run(RunContext ctx) {
        long start = System.currentTimeMillis();
        ClaimResult.Builder r = result(ctx);
        Params p = params(ctx);
        List<PropertyOutcome> outcomes = new ArrayList<>();
        for (Property<?> q : properties(p)) {
            if (manualProperties().contains(q.name())) continue;
            outcomes.add(PropertyRunner.run(id(), q, ctx));
        }
        outcomes.addAll(experiments(p, ctx, r));
        for (PropertyOutcome o : outcomes) {
            r.property(o);
            rankNumbers(r, o);
        }
        PropertyOutcome failed = outcomes.stream().filter(o -> o.expected() == Verdict.HOLDS && o.refuted())
                .findFirst().orElse(null);
        RateEvidence badRate = r.rates().stream().filter(e -> e.verdict() == Verdict.REFUTED).findFirst().orElse(null);
        if (failed != null) {
            Counterexample cx = failed.counterexample();
            r.verdict(Verdict.REFUTED, failed.name() + ": " + cx.evidence().describe() + " [" + cx.certification() + ", shrunk "
                    + cx.sizeBefore() + " -> " + cx.sizeAfter() + " numbers" + (cx.corpusFile() == null ? "" : ", " + cx.corpusFile()) + "]");
            r.certification(cx.certification());
        } else if (badRate != null) {
            r.verdict(Verdict.REFUTED, badRate.describe());
            r.certification("exact Clopper-Pearson interval");
        } else {
            int tries = outcomes.stream().filter(o -> o.expected() == Verdict.HOLDS).mapToInt(PropertyOutcome::tries).sum();
            Evidence w = outcomes.stream().filter(o -> o.expected() == Verdict.HOLDS).map(PropertyOutcome::worst)
                    .filter(Objects::nonNull).min(Comparator.comparingDouble(Evidence::slack)).orElse(null);
            r.verdict(Verdict.HOLDS, "no counterexample in " + tries + " instances" + (w == null ? "" : "; tightest " + w.describe()));
        }
        return r.millis(System.currentTimeMillis() - start).build();
    }

    private static void rankNumbers(ClaimResult.Builder r, PropertyOutcome o) {
        Evidence e = o.refuted() ? o.counterexample().evidence() : o.worst();
        if (e == null) return;
        Map<String, Object> d = e.details();
        if (d.containsKey("observedRank") && d.containsKey("claimedRank")) {
            r.number(o.name() + ".observedRank", d.get("observedRank"));
            r.number(o.name() + ".claimedRank", d.get("claimedRank"));
            if (d.containsKey("hpRank")) r.number(o.name() + ".hpRank", d.get("hpRank"));
        }
    }

    /** An outcome computed by an experiment (tries = instances examined), HOLDS or refuted by {@code cx}. */
    static PropertyOutcome outcome(Property<?> p, int tries, Evidence worst, Object worstInstance, Counterexample cx, long seed, long millis) {
        return new PropertyOutcome(p.name(), p.description(), p.expected(), p.generator(), seed, tries, 0, worst,
                worstInstance == null ? null : overparam.report.Json.tree(worstInstance), cx, millis);
    }
}
