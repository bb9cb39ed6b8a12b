package overparam.claims;

import net.jqwik.api.Arbitrary;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One checkable statement over generated instances of type I: a jqwik arbitrary (which shrinks), the check that
 * computes both sides, the hypotheses an instance must meet, and an optional high-precision certifier.
 * A claim's own statement expects HOLDS; a negative control (a hypothesis removed on purpose) expects REFUTED.
 * Instances must serialise to JSON (records of arrays, numbers and strings) for the corpus and replay.
 */
public final class Property<I> {
    private final String name;
    private final String description;
    private final Class<I> type;
    private final String generator;
    private final Arbitrary<I> arbitrary;
    private final Function<I, Evidence> check;
    private final Function<I, String> hypotheses;
    private final BiFunction<I, Evidence, Certificate> certifier;
    private final int tries;
    private final int shrinkEvaluations;
    private final Verdict expected;
    private final SearchSpace<I> searchSpace;

    /**
     * Coordinate search and JSON shrinking are opt-in: an instance's numbers often carry invariants its generator
     * guarantees but its hypotheses do not state (|slope| <= B, a step size > 0), and moving them freely would report
     * false refutations or run away. A property declares {@code search(SearchSpace.coordinates())} (or a projected or
     * parameter space) once its hypotheses state everything the check relies on.
     */
    public static final String UNDECLARED = "no search space declared (coordinate moves opt in with Property.Builder.search)";

    private Property(Builder<I> b) {
        this.name = Objects.requireNonNull(b.name);
        this.description = b.description;
        this.type = Objects.requireNonNull(b.type, "instance type");
        this.generator = Objects.requireNonNull(b.generator, "generator description");
        this.arbitrary = Objects.requireNonNull(b.arbitrary, "arbitrary");
        this.check = Objects.requireNonNull(b.check, "check");
        this.hypotheses = b.hypotheses;
        this.certifier = b.certifier;
        this.tries = b.tries;
        this.shrinkEvaluations = b.shrinkEvaluations;
        this.expected = b.expected;
        this.searchSpace = b.searchSpace != null ? b.searchSpace : SearchSpace.none(UNDECLARED);
    }

    public static <I> Builder<I> of(String name, Class<I> type) {
        return new Builder<>(name, type);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Class<I> type() {
        return type;
    }

    public String generator() {
        return generator;
    }

    public Arbitrary<I> arbitrary() {
        return arbitrary;
    }

    public Evidence check(I instance) {
        return check.apply(instance);
    }

    /** null when the instance meets the hypotheses, else the reason it does not. */
    public String violatedHypothesis(I instance) {
        return hypotheses == null ? null : hypotheses.apply(instance);
    }

    public boolean certifiable() {
        return certifier != null;
    }

    public Certificate certify(I instance, Evidence evidence) {
        return certifier == null ? null : certifier.apply(instance, evidence);
    }

    public int tries() {
        return tries;
    }

    /** Evaluations each shrinking phase may spend. */
    public int shrinkEvaluations() {
        return shrinkEvaluations;
    }

    /** HOLDS for the claim's statement, REFUTED for a negative control, null for an informative property. */
    public Verdict expected() {
        return expected;
    }

    /** Where the adversarial search and the JSON-level shrinking may move (default: every floating-point coordinate). */
    public SearchSpace<I> searchSpace() {
        return searchSpace;
    }

    public static final class Builder<I> {
        private final String name;
        private final Class<I> type;
        private String description = "";
        private String generator;
        private Arbitrary<I> arbitrary;
        private Function<I, Evidence> check;
        private Function<I, String> hypotheses;
        private BiFunction<I, Evidence, Certificate> certifier;
        private int tries = 100;
        private int shrinkEvaluations = 3000;
        private Verdict expected = Verdict.HOLDS;
        private SearchSpace<I> searchSpace;

        Builder(String name, Class<I> type) {
            this.name = name;
            this.type = type;
        }

        public Builder<I> description(String d) {
            this.description = d;
            return this;
        }

        /** The arbitrary and a one-line description of it (generator name and ranges), printed on failure. */
        public Builder<I> generator(String description, Arbitrary<I> arbitrary) {
            this.generator = description;
            this.arbitrary = arbitrary;
            return this;
        }

        public Builder<I> check(Function<I, Evidence> check) {
            this.check = check;
            return this;
        }

        public Builder<I> hypotheses(Function<I, String> h) {
            this.hypotheses = h;
            return this;
        }

        public Builder<I> certify(BiFunction<I, Evidence, Certificate> c) {
            this.certifier = c;
            return this;
        }

        /** Tries at level CI (multiplied for FULL and DEEP). */
        /**
         * Evaluations each shrinking phase may spend (default 3000). Lower it for expensive checks, so shrinking stays
         * deterministic (bounded by evaluations, not by the wall clock) and fast.
         */
        public Builder<I> shrinkEvaluations(int n) {
            if (n < 0) throw new IllegalArgumentException("shrink evaluations must be >= 0");
            this.shrinkEvaluations = n;
            return this;
        }

        public Builder<I> tries(int t) {
            if (t < 1) throw new IllegalArgumentException("tries must be >= 1");
            this.tries = t;
            return this;
        }

        /** Marks a negative control: the property is expected to be refuted. */
        public Builder<I> expectRefuted() {
            this.expected = Verdict.REFUTED;
            return this;
        }

        /**
         * Marks an informative property (e.g. a proof's variant of a constant, a tightness probe): its outcome is
         * reported but neither decides the claim's verdict nor fails a test.
         */
        public Builder<I> informative() {
            this.expected = null;
            return this;
        }

        /**
         * Where the adversarial search may move an instance and which projections keep it inside the hypotheses, e.g.
         * {@code SearchSpace.<NetInstance>coordinates().unitRows("x").except("y")}, a low-dimensional
         * {@code SearchSpace.of(...)}, or {@code SearchSpace.none("why")}. Default: every floating-point coordinate.
         */
        public Builder<I> search(SearchSpace<I> space) {
            this.searchSpace = space;
            return this;
        }

        /** No adversarial search and no JSON-level shrinking: nearby instances are not instances of this property. */
        public Builder<I> noSearch(String reason) {
            return search(SearchSpace.none(reason));
        }

        public Property<I> build() {
            return new Property<>(this);
        }
    }
}
