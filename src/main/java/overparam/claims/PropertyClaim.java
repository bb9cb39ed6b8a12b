package overparam.claims;

import overparam.search.PropertyRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A claim checked instance by instance: its statement is one or more properties expected to hold, plus negative
 * controls (a hypothesis removed) expected to be refuted. The verdict is REFUTED when a property of the statement
 * fails, HOLDS otherwise; the controls are evidence that the harness can see a violation.
 */
public abstract class PropertyClaim extends AbstractClaim {
    protected PropertyClaim(String id) {
        super(id);
    }

    /** The properties: statement parts (expected HOLDS) and negative controls (expected REFUTED). */
    public abstract List<Property<?>> properties(Params p);

    public Property<?> property(Params p, String name) {
        for (Property<?> q : properties(p)) if (q.name().equals(name)) return q;
        throw new IllegalArgumentException(id() + " has no property '" + name + "'; it has "
                + properties(p).stream().map(Property::name).collect(Collectors.toList()));
    }

    @Override
    public String generators() {
        return properties(new Params(id(), parameters(), java.util.Map.of())).stream()
                .map(q -> q.name() + ": " + q.generator()).collect(Collectors.joining("\n"));
    }

    @Override
    public ClaimResult run(RunContext ctx) {
        long start = System.currentTimeMillis();
        ClaimResult.Builder r = result(ctx);
        List<PropertyOutcome> statement = new ArrayList<>();
        for (Property<?> q : properties(params(ctx))) {
            PropertyOutcome o = PropertyRunner.run(id(), q, ctx);
            r.property(o);
            if (o.expected() == Verdict.HOLDS) statement.add(o);
        }
        PropertyOutcome failed = statement.stream().filter(PropertyOutcome::refuted).findFirst().orElse(null);
        if (failed != null) {
            Counterexample cx = failed.counterexample();
            r.verdict(Verdict.REFUTED, failed.name() + ": " + cx.evidence().describe() + " [" + cx.certification() + ", shrunk "
                    + cx.sizeBefore() + " -> " + cx.sizeAfter() + " numbers]");
            r.certification(cx.certification());
        } else {
            int tries = statement.stream().mapToInt(PropertyOutcome::tries).sum();
            Evidence w = statement.stream().map(PropertyOutcome::worst).filter(java.util.Objects::nonNull)
                    .min(java.util.Comparator.comparingDouble(Evidence::slack)).orElse(null);
            r.verdict(Verdict.HOLDS, "no counterexample in " + tries + " instances" + (w == null ? "" : "; tightest " + w.describe()));
        }
        return r.millis(System.currentTimeMillis() - start).build();
    }
}
