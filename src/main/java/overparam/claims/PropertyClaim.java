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
        List<Property<?>> props = properties(params(ctx));
        long searchable = Math.max(1, props.stream().filter(q -> q.searchSpace().searchable()).count());
        long searchMillis = PropertyRunner.searchMillisPerClaim() / searchable;
        for (Property<?> q : props) {
            PropertyOutcome o = PropertyRunner.run(id(), q, ctx, searchMillis, Integer.getInteger(PropertyRunner.SEARCH_EVALUATIONS, 20_000));
            r.property(o);
            if (o.expected() == Verdict.HOLDS) statement.add(o);
        }
        PropertyOutcome failed = statement.stream().filter(PropertyOutcome::refuted).findFirst().orElse(null);
        if (failed != null) {
            Counterexample cx = failed.counterexample();
            r.verdict(Verdict.REFUTED, failed.name() + ": " + cx.evidence().describe() + " [" + cx.certification() + "; " + cx.margins()
                    + "; shrunk " + cx.sizeBefore() + " -> " + cx.sizeAfter() + " numbers" + (cx.origin() != null && !cx.origin().equals("sampling")
                    ? "; found by " + cx.origin() : "") + "]");
            r.certification(cx.certification());
        } else {
            int tries = statement.stream().mapToInt(PropertyOutcome::tries).sum();
            Evidence w = statement.stream().map(PropertyOutcome::worst).filter(java.util.Objects::nonNull)
                    .min(java.util.Comparator.comparingDouble(Evidence::slack)).orElse(null);
            int searched = statement.stream().filter(o -> o.search() != null).mapToInt(o -> o.search().evaluations()).sum();
            r.verdict(Verdict.HOLDS, "no counterexample in " + tries + " instances" + (searched > 0 ? " and " + searched + " search evaluations" : "")
                    + (w == null ? "" : "; tightest " + w.describe()));
        }
        return r.millis(System.currentTimeMillis() - start).build();
    }
}
