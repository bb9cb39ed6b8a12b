package overparam.claims;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Both sides of a claim's (in)equality on one instance. {@code margin} is positive when the claim is satisfied
 * (rhs - lhs for lhs <= rhs, lhs - rhs for lhs >= rhs, -|lhs - rhs| for equalities); the instance satisfies the claim
 * when margin >= -tolerance. The tolerance covers rounding only and scales with the problem (DESIGN.md).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = {"margin", "slack", "holds"}, allowGetters = true)
@com.fasterxml.jackson.annotation.JsonPropertyOrder({"label", "lhs", "rhs", "relation", "tolerance", "details", "margin", "slack", "holds"})
public record Evidence(String label, double lhs, double rhs, Relation relation, double tolerance, Map<String, Object> details) {

    public enum Relation {
        LE("<="), GE(">="), EQ("==");

        public final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }
    }

    public Evidence {
        if (Double.isNaN(tolerance) || tolerance < 0) throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        details = details == null ? Map.of() : new LinkedHashMap<>(details);
    }

    public static Evidence le(String label, double lhs, double rhs, double tolerance) {
        return new Evidence(label, lhs, rhs, Relation.LE, tolerance, null);
    }

    public static Evidence ge(String label, double lhs, double rhs, double tolerance) {
        return new Evidence(label, lhs, rhs, Relation.GE, tolerance, null);
    }

    public static Evidence eq(String label, double lhs, double rhs, double tolerance) {
        return new Evidence(label, lhs, rhs, Relation.EQ, tolerance, null);
    }

    /** A yes/no fact (e.g. "rank == claimed rank"), as an equality 1 == 1 or 0 == 1. */
    public static Evidence fact(String label, boolean holds) {
        return eq(label, holds ? 1 : 0, 1, 0);
    }

    @JsonProperty
    public double margin() {
        return switch (relation) {
            case LE -> rhs - lhs;
            case GE -> lhs - rhs;
            case EQ -> lhs == rhs ? 0 : -Math.abs(lhs - rhs);
        };
    }

    @JsonProperty
    public boolean holds() {
        double m = margin();
        return !Double.isNaN(m) && m >= -tolerance;
    }

    /**
     * How comfortably the instance satisfies the claim, comparable across instances; >= 0 iff it holds. Inequalities:
     * (margin + tolerance) relative to the size of the two sides. Equalities: 1 when exact, falling to 0 at the tolerance.
     */
    @JsonProperty
    public double slack() {
        double m = margin();
        if (Double.isNaN(m)) return Double.NEGATIVE_INFINITY;
        double scale = Math.max(Math.max(Math.abs(lhs), Math.abs(rhs)), Double.MIN_NORMAL);
        if (relation == Relation.EQ) {
            double diff = -m;
            if (diff == 0) return 1.0;
            return tolerance > 0 ? (tolerance - diff) / tolerance : -diff / scale;
        }
        scale = Math.max(scale, tolerance);
        if (Double.isInfinite(scale)) return m >= 0 ? 0 : Double.NEGATIVE_INFINITY;
        return (m + tolerance) / scale;
    }

    public Evidence with(String key, Object value) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put(key, value);
        return new Evidence(label, lhs, rhs, relation, tolerance, d);
    }

    /** The part with the least slack; the others are summarised in its details. */
    public static Evidence worst(List<Evidence> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("no evidence parts");
        Evidence w = parts.stream().min(Comparator.comparingDouble(Evidence::slack)).orElseThrow();
        if (parts.size() == 1) return w;
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Evidence e : parts) summary.put(e.label(), e.describe());
        return w.with("parts", summary);
    }

    public static Evidence worst(Evidence... parts) {
        return worst(List.of(parts));
    }

    @JsonIgnore
    public String describe() {
        return String.format("%s: %.6g %s %.6g (margin %.3g, tol %.2g)%s", label, lhs, relation.symbol, rhs, margin(), tolerance,
                holds() ? "" : " VIOLATED");
    }

    @Override
    public String toString() {
        return describe();
    }
}
