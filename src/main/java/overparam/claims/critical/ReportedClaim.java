package overparam.claims.critical;

import overparam.claims.ClaimResult;
import overparam.claims.Params;
import overparam.claims.PropertyClaim;
import overparam.claims.RunContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A property claim that also reports an experiment: numbers (tables, fits) and attachments (plots) computed after the
 * properties have decided the verdict. The experiment never changes the verdict; it documents it.
 */
abstract class ReportedClaim extends PropertyClaim {
    ReportedClaim(String id) {
        super(id);
    }

    /** Numbers and attachments of one run. */
    static final class Report {
        final Map<String, Object> numbers = new LinkedHashMap<>();
        final List<String> attachments = new ArrayList<>();

        Report number(String key, Object value) {
            numbers.put(key, value);
            return this;
        }

        Report attachment(java.nio.file.Path file) {
            attachments.add(file.toString());
            return this;
        }
    }

    /** A map in the order of its (key, value) arguments: reported numbers and corpus files stay byte-for-byte deterministic (Map.of is not ordered). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private static final ThreadLocal<overparam.claims.Level> LEVEL = ThreadLocal.withInitial(() -> overparam.claims.Level.CI);

    /** The effort level of the current run (properties(Params) has no RunContext; sweeps that grow with the level read it here). */
    static overparam.claims.Level level() {
        return LEVEL.get();
    }

    /** The experiment; called once per run after the properties. */
    protected abstract void report(Params p, RunContext ctx, Report r);

    @Override
    public ClaimResult run(RunContext ctx) {
        long start = System.currentTimeMillis();
        LEVEL.set(ctx.level());
        ClaimResult b;
        try {
            b = super.run(ctx);
        } finally {
            LEVEL.remove();
        }
        Report rep = new Report();
        report(params(ctx), ctx, rep);
        return merged(b, rep, start);
    }

    /** The result with the report's numbers and attachments added (for claims that report without being property claims). */
    static ClaimResult merged(ClaimResult b, Report rep, long start) {
        Map<String, Object> numbers = new LinkedHashMap<>(b.numbers());
        numbers.putAll(rep.numbers);
        List<String> att = new ArrayList<>(b.attachments());
        att.addAll(rep.attachments);
        return new ClaimResult(b.id(), b.paper(), b.paperFile(), b.label(), b.kind(), b.statement(), b.catalogueExpectation(),
                b.expected(), b.verdict(), b.summary(), b.certification(), b.seed(), b.params(), b.properties(), b.rates(),
                b.trends(), numbers, att, b.error(), System.currentTimeMillis() - start);
    }
}
