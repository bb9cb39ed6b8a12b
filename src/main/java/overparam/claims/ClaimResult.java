package overparam.claims;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of reports/verdicts.json: the verdict of a claim with all of its evidence. Built by claims through
 * {@link Builder}; the catalogue fields and the project's expectation are filled in from the id.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ClaimResult(String id, String paper, String paperFile, String label, String kind, String statement,
                          String catalogueExpectation, Verdict expected, Verdict verdict, String summary,
                          String certification, long seed, Map<String, String> params,
                          List<PropertyOutcome> properties, List<RateEvidence> rates, List<TrendEvidence> trends,
                          Map<String, Object> numbers, List<String> attachments, String error, long millis) {

    public boolean matchesExpectation() {
        return expected != null && verdict == expected;
    }

    /**
     * The counterexample behind a REFUTED verdict: the first refuted property expected to hold, else (claims that mark
     * their refuting statement as expected-refuted) the first refuted property, if any, unless a refuted rate or a fit
     * excluding the claimed value backs the verdict (a negative control's instance is then not the refutation).
     */
    public Counterexample counterexample() {
        for (PropertyOutcome p : properties)
            if (p.refuted() && p.expected() == Verdict.HOLDS) return p.counterexample();
        boolean instanceFree = rates.stream().anyMatch(e -> e.verdict() == Verdict.REFUTED)
                || trends.stream().anyMatch(t -> t.claimed() != null && !t.consistent());
        if (verdict == Verdict.REFUTED && !instanceFree)
            for (PropertyOutcome p : properties)
                if (p.refuted() && p.expected() != null) return p.counterexample();
        return null;
    }

    /**
     * How a refutation is backed: the counterexample's certification (certified / fragile / uncertified); for
     * refutations without an instance, "statistical" (an exact failure-rate interval above the bound), "fit" (a
     * confidence interval excluding the claimed exponent) or "experiment" (measured numbers).
     */
    public String refutationBasis() {
        if (verdict != Verdict.REFUTED) return null;
        Counterexample cx = counterexample();
        if (cx != null) return cx.certification();
        if (rates.stream().anyMatch(e -> e.verdict() == Verdict.REFUTED)) return "statistical";
        if (trends.stream().anyMatch(t -> t.claimed() != null && !t.consistent())) return "fit";
        return "experiment";
    }

    /** Worst evidence over the claim's own properties (not the negative controls). */
    public Evidence worstEvidence() {
        Evidence w = null;
        for (PropertyOutcome p : properties) {
            if (p.expected() != Verdict.HOLDS || p.worst() == null) continue;
            if (w == null || p.worst().slack() < w.slack()) w = p.worst();
        }
        return w;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public static ClaimResult notRun(String id) {
        return builder(id).verdict(Verdict.NOT_RUN, "not run").build();
    }

    public static final class Builder {
        private final ClaimInfo info;
        private Verdict verdict = Verdict.NOT_RUN;
        private String summary = "";
        private String certification;
        private long seed;
        private Map<String, String> params = Map.of();
        private final List<PropertyOutcome> properties = new ArrayList<>();
        private final List<RateEvidence> rates = new ArrayList<>();
        private final List<TrendEvidence> trends = new ArrayList<>();
        private final Map<String, Object> numbers = new LinkedHashMap<>();
        private final List<String> attachments = new ArrayList<>();
        private String error;
        private long millis;

        Builder(String id) {
            this.info = Catalog.get().info(id);
        }

        public Builder verdict(Verdict v, String summary) {
            this.verdict = v;
            this.summary = summary;
            return this;
        }

        public Builder certification(String c) {
            this.certification = c;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder params(Map<String, String> p) {
            this.params = Map.copyOf(p);
            return this;
        }

        public Builder property(PropertyOutcome p) {
            properties.add(p);
            return this;
        }

        public Builder rate(RateEvidence r) {
            rates.add(r);
            return this;
        }

        public Builder trend(TrendEvidence t) {
            trends.add(t);
            return this;
        }

        public Builder number(String key, Object value) {
            numbers.put(key, value);
            return this;
        }

        public Builder attachment(String path) {
            attachments.add(path);
            return this;
        }

        public Builder error(String e) {
            this.error = e;
            return this;
        }

        public Builder millis(long ms) {
            this.millis = ms;
            return this;
        }

        public List<PropertyOutcome> properties() {
            return properties;
        }

        public List<RateEvidence> rates() {
            return rates;
        }

        public List<TrendEvidence> trends() {
            return trends;
        }

        public String id() {
            return info.id();
        }

        public ClaimResult build() {
            return new ClaimResult(info.id(), info.paperKey(), info.paperFile(), info.label(), info.kind(), info.statement(),
                    info.catalogueExpectation(), Expectations.get().expected(info.id()), verdict, summary, certification, seed,
                    params, List.copyOf(properties), List.copyOf(rates), List.copyOf(trends), new LinkedHashMap<>(numbers),
                    List.copyOf(attachments), error, millis);
        }
    }
}
