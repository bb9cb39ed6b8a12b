package overparam.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * A claim "an event fails with probability at most p": for each configuration, T independent trials (trial t gets
 * its own seed), the failure count, and an exact Clopper-Pearson interval against the bound. The claim is REFUTED if
 * some configuration's interval lies above its bound, INCONCLUSIVE if some interval straddles it, HOLDS otherwise.
 */
public abstract class StatisticalClaim extends AbstractClaim {
    protected StatisticalClaim(String id) {
        super(id);
    }

    /** One configuration: a label, its bound, T at level CI, and the trial (seed -> failed?). */
    public record Config(String label, double bound, int trials, LongPredicate failsWithSeed, Map<String, Object> details) {}

    protected abstract List<Config> configs(Params p, RunContext ctx);

    @Override
    public ClaimResult run(RunContext ctx) {
        long start = System.currentTimeMillis();
        ClaimResult.Builder r = result(ctx);
        List<RateEvidence> rates = new ArrayList<>();
        for (Config c : configs(params(ctx), ctx)) {
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
        return r.verdict(aggregate(rates), summarise(rates)).millis(System.currentTimeMillis() - start).build();
    }

    static Verdict aggregate(List<RateEvidence> rates) {
        if (rates.stream().anyMatch(e -> e.verdict() == Verdict.REFUTED)) return Verdict.REFUTED;
        if (rates.stream().anyMatch(e -> e.verdict() == Verdict.INCONCLUSIVE)) return Verdict.INCONCLUSIVE;
        return Verdict.HOLDS;
    }

    static String summarise(List<RateEvidence> rates) {
        RateEvidence first = rates.stream().filter(e -> e.verdict() == aggregate(rates)).findFirst().orElse(rates.get(0));
        return rates.size() + " configurations; e.g. " + first.describe();
    }
}
