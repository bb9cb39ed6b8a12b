package overparam.claims.oymak;

import overparam.claims.*;
import overparam.search.PropertyRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A GD convergence theorem of oymak, verdict policy:
 * <ul>
 * <li>the LITERAL hypothesis (the width the theorem demands, with the paper's explicit constants, or the proof's where the
 * statement hides them in "c, C") is evaluated on concrete data first ({@link #requirement});</li>
 * <li>if it can be met at a testable size, the conclusions are checked at every GD iterate on instances that meet it, and
 * the verdict is HOLDS or REFUTED from those properties;</li>
 * <li>if it cannot (the demanded width exceeds {@link #MAX_PARAMETERS} parameters), the verdict is VACUOUS with the
 * numbers; the conclusions are still checked at moderate widths, as separately named informative properties (the
 * theorem does not cover those instances, so they neither refute nor confirm it).</li>
 * </ul>
 * Negative controls and algebraic side facts keep their own expectations either way.
 */
abstract class ConvergenceClaim extends PropertyClaim {
    /** Largest k*d the harness trains (about 80 MB per weight copy and a second per GD step). */
    static final double MAX_PARAMETERS = 1e7;

    ConvergenceClaim(String id) {
        super(id);
    }

    /** The literal hypothesis on concrete data: the width it demands and whether that is testable. */
    record Requirement(String summary, double parameters, Map<String, Object> numbers) {
        boolean testable() {
            return parameters <= MAX_PARAMETERS;
        }
    }

    protected abstract Requirement requirement(Params p);

    /** The properties at a level (heavier instances at FULL and DEEP). */
    protected abstract List<Property<?>> properties(Params p, Level level);

    /** Plots, trends and numbers besides the properties. */
    protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {}

    @Override
    public List<Property<?>> properties(Params p) {
        return properties(p, Level.FULL);
    }

    @Override
    public ClaimResult run(RunContext ctx) {
        long start = System.currentTimeMillis();
        Params p = params(ctx);
        ClaimResult.Builder r = result(ctx);
        Requirement req = requirement(p);
        r.number("literal hypothesis", req.summary());
        if (req.parameters() > 0) {
            r.number("parameters k*d demanded", req.parameters());
            r.number("testable (k*d <= " + (long) MAX_PARAMETERS + ")", req.testable());
        }
        req.numbers().forEach(r::number);
        List<PropertyOutcome> statement = new ArrayList<>();
        for (Property<?> q : properties(p, ctx.level())) {
            PropertyOutcome o = PropertyRunner.run(id(), q, ctx);
            r.property(o);
            if (o.expected() == Verdict.HOLDS) statement.add(o);
        }
        extras(p, ctx, r);
        PropertyOutcome failed = statement.stream().filter(PropertyOutcome::refuted).findFirst().orElse(null);
        if (failed != null) {
            Counterexample cx = failed.counterexample();
            r.verdict(Verdict.REFUTED, failed.name() + ": " + cx.evidence().describe() + " [" + cx.certification() + "]");
            r.certification(cx.certification());
        } else if (!req.testable()) {
            r.verdict(Verdict.VACUOUS, req.summary());
        } else {
            int tries = statement.stream().mapToInt(PropertyOutcome::tries).sum();
            Evidence w = statement.stream().map(PropertyOutcome::worst).filter(java.util.Objects::nonNull)
                    .min(java.util.Comparator.comparingDouble(Evidence::slack)).orElse(null);
            r.verdict(Verdict.HOLDS, req.summary() + "; no counterexample in " + tries + " instances (every GD iterate checked)"
                    + (w == null ? "" : "; tightest " + w.describe()));
        }
        return r.millis(System.currentTimeMillis() - start).build();
    }
}
