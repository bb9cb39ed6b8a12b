package overparam.claims.golikov;

import overparam.claims.*;

/**
 * A property claim whose result also carries measurements that are not pass/fail statements (a trend across widths, a
 * spectrum at an edge case), and whose verdict a claim may qualify when its properties decide only part of its
 * statement. The properties run and decide exactly as in {@link PropertyClaim}.
 */
abstract class MeasuredPropertyClaim extends PropertyClaim {
    MeasuredPropertyClaim(String id) {
        super(id);
    }

    /** Adds numbers, trends and attachments to the result. */
    protected void measure(Params p, RunContext ctx, ClaimResult.Builder r) {}

    /** The verdict, given the result of the properties alone ({@link PropertyClaim}'s verdict by default). */
    protected void verdict(ClaimResult properties, ClaimResult.Builder r) {
        r.verdict(properties.verdict(), properties.summary());
        if (properties.certification() != null) r.certification(properties.certification());
    }

    @Override
    public ClaimResult run(RunContext ctx) {
        long start = System.currentTimeMillis();
        ClaimResult properties = super.run(ctx);
        ClaimResult.Builder r = result(ctx);
        properties.properties().forEach(r::property);
        measure(params(ctx), ctx, r);
        verdict(properties, r);
        return r.millis(System.currentTimeMillis() - start).build();
    }
}
