package overparam.claims.oymak;

import overparam.claims.*;
import overparam.search.PropertyRunner;

import java.util.ArrayList;
import java.util.List;

/**
 * A probabilistic claim with deterministic parts: Clopper-Pearson rates over T trials per configuration (as in
 * {@link StatisticalClaim}) plus properties checked instance by instance (proof facts, adversarial inner searches,
 * negative controls). It is a {@link PropertyClaim}, so refuted properties shrink, certify and replay from the corpus.
 * Verdict: REFUTED if a statement property or a rate is refuted, else INCONCLUSIVE if a rate straddles its bound, else
 * HOLDS.
 */
abstract class StatisticalPropertyClaim extends PropertyClaim {
    protected StatisticalPropertyClaim(String id) {
        super(id);
    }

    /** The statistical configurations (trials at level CI; the level multiplies them); none by default. */
    protected List<StatisticalClaim.Config> configs(Params p, RunContext ctx) {
        return List.of();
    }

    @Override
    public List<Property<?>> properties(Params p) {
        return List.of();
    }

    /** Extra numbers for the report (thresholds, constants); called once per run. */
    protected void numbers(Params p, RunContext ctx, ClaimResult.Builder r) {}

    @Override
    public ClaimResult run(RunContext ctx) {
        long start = System.currentTimeMillis();
        ClaimResult.Builder r = result(ctx);
        Params p = params(ctx);
        numbers(p, ctx, r);
        PropertyOutcome failed = null;
        Evidence tightest = null;
        int tries = 0;
        for (Property<?> q : properties(p)) {
            PropertyOutcome o = PropertyRunner.run(id(), q, ctx);
            r.property(o);
            if (o.expected() == Verdict.HOLDS) {
                tries += o.tries();
                if (o.refuted() && failed == null) failed = o;
                if (o.worst() != null && (tightest == null || o.worst().slack() < tightest.slack())) tightest = o.worst();
            }
        }
        List<RateEvidence> rates = new ArrayList<>();
        for (StatisticalClaim.Config c : configs(p, ctx)) {
            int trials = ctx.tries(c.trials());
            long base = ctx.seedFor(id() + "#" + c.label());
            long failures = 0;
            for (int t = 0; t < trials; t++) {
                ctx.progress().update(id() + " " + c.label(), t + 1, trials);
                if (c.failsWithSeed().test(base + t)) failures++;
            }
            RateEvidence e = RateEvidence.of(c.label(), trials, failures, c.bound(), c.details());
            rates.add(e);
            r.rate(e);
        }
        RateEvidence refutedRate = rates.stream().filter(e -> e.verdict() == Verdict.REFUTED).findFirst().orElse(null);
        RateEvidence openRate = rates.stream().filter(e -> e.verdict() == Verdict.INCONCLUSIVE).findFirst().orElse(null);
        if (failed != null) {
            Counterexample cx = failed.counterexample();
            r.verdict(Verdict.REFUTED, failed.name() + ": " + cx.evidence().describe() + " [" + cx.certification() + "]");
            r.certification(cx.certification());
        } else if (refutedRate != null) {
            r.verdict(Verdict.REFUTED, refutedRate.describe());
        } else if (openRate != null) {
            r.verdict(Verdict.INCONCLUSIVE, openRate.describe() + "; " + openRate.trialsToSeparate() + " failure-free trials would settle it");
        } else {
            String props = "no counterexample in " + tries + " instances" + (tightest == null ? "" : "; tightest " + tightest.describe());
            r.verdict(Verdict.HOLDS, rates.isEmpty() ? props : rates.size() + " configurations within their bounds (e.g. " + rates.get(0).describe() + "); " + props);
        }
        return r.millis(System.currentTimeMillis() - start).build();
    }
}
