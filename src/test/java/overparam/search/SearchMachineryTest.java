package overparam.search;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hipparchus.dfp.Dfp;
import org.junit.jupiter.api.Test;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.HighPrecision;
import overparam.report.Json;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The search, shrinking and certification machinery on planted properties whose answers are known. */
class SearchMachineryTest {
    public record Point(double[] x) {}

    public record Cloud(double[][] x) {}

    public record Triple(double a, double b, double c) {}

    private static RunContext context(boolean search) {
        return new RunContext(Level.CI, 7, null, Map.of(), search, Path.of("target/test-reports"), null, RunContext.Progress.NONE);
    }

    private static <I> PropertyOutcome run(Property<I> p, boolean search) {
        return PropertyRunner.run("test/planted", p, context(search), 20_000, 6_000);
    }

    private static Arbitrary<Point> uniformPoints(int d, double lo, double hi) {
        return DataArbitraries.seeds().map(seed -> {
            Random r = new Random(seed);
            double[] x = new double[d];
            for (int i = 0; i < d; i++) x[i] = lo + (hi - lo) * r.nextDouble();
            return new Point(x);
        });
    }

    private static final double[] TARGET = {0.3, -0.2, 0.5, 0.1};

    /** ||x - c||^2 >= 1e-6: violated only in a ball of radius 1e-3, about 3e-13 of the cube [-1, 1]^4. */
    private static Evidence awayFromTarget(Point p) {
        double s = 0;
        for (int i = 0; i < 4; i++) s += (p.x()[i] - TARGET[i]) * (p.x()[i] - TARGET[i]);
        return Evidence.ge("||x - c||^2 >= 1e-6", s, 1e-6, 0);
    }

    private static Certificate certifyAway(Point p, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp s = hp.zero();
        for (int i = 0; i < 4; i++) {
            Dfp d = hp.of(p.x()[i]).subtract(hp.of(TARGET[i]));
            s = s.add(d.multiply(d));
        }
        return Certificate.of("Dfp", hp.digits(), HighPrecision.toBigDecimal(s.subtract(hp.of(1e-6))), new BigDecimal("1e-40"), "");
    }

    @Test
    void searchFindsAViolationThatSamplingMisses() {
        Property<Point> p = Property.of("planted-ball", Point.class).generator("uniform [-1,1]^4", uniformPoints(4, -1, 1))
                .check(SearchMachineryTest::awayFromTarget).certify(SearchMachineryTest::certifyAway).search(SearchSpace.coordinates()).tries(200).build();
        PropertyOutcome sampled = run(p, false);
        assertThat(sampled.refuted()).as("sampling alone").isFalse();
        assertThat(sampled.search()).isNull();

        PropertyOutcome searched = run(p, true);
        SearchReport s = searched.search();
        assertThat(searched.refuted()).as("%s", s).isTrue();
        assertThat(s.evaluations()).isPositive();
        assertThat(s.slackBefore()).isPositive();
        assertThat(s.slackAfter()).isNegative();
        Counterexample cx = searched.counterexample();
        assertThat(cx.origin()).startsWith("adversarial search");
        assertThat(cx.certification()).isEqualTo("certified");
        assertThat(cx.certificate().margin()).isNegative();
    }

    @Test
    void searchInRandomSubspacesReachesAViolationInSixtyDimensions() {
        // mean(x) <= 0.9 for x uniform in [-1, 1]^60: sampling sees means of about +-0.07; the violation needs every
        // coordinate moved, beyond the 24-dimensional subspaces a single CMA-ES run searches
        Property<Point> p = Property.of("planted-mean", Point.class).generator("uniform [-1,1]^60", uniformPoints(60, -1, 1))
                .check(pt -> Evidence.le("mean(x) <= 0.9", java.util.Arrays.stream(pt.x()).average().orElseThrow(), 0.9, 0)).search(SearchSpace.coordinates()).tries(100).build();
        PropertyOutcome o = run(p, true);
        assertThat(o.search().dimension()).isEqualTo(60);
        assertThat(o.refuted()).as("%s", o.search()).isTrue();
        assertThat(o.counterexample().origin()).startsWith("adversarial search");
    }

    /** Rows of X are unit vectors; no two of them are nearly antipodal (x_i . x_j >= -0.99). */
    private static Evidence noAntipodalPair(Cloud c) {
        double min = 1;
        for (int i = 0; i < c.x().length; i++)
            for (int j = i + 1; j < c.x().length; j++) {
                double dot = 0;
                for (int k = 0; k < c.x()[i].length; k++) dot += c.x()[i][k] * c.x()[j][k];
                min = Math.min(min, dot);
            }
        return Evidence.ge("min_{i<j} x_i . x_j >= -0.99", min, -0.99, 0);
    }

    private static String unitRows(Cloud c) {
        for (double[] row : c.x()) {
            double s = 0;
            for (double v : row) s += v * v;
            if (Math.abs(Math.sqrt(s) - 1) > 1e-12) return "a row is not a unit vector";
        }
        return null;
    }

    @Test
    void shrinkingReachesTheMinimalCounterexample() {
        Arbitrary<Cloud> clouds = Combinators.combine(DataArbitraries.ints(2, 40), DataArbitraries.ints(3, 5), DataArbitraries.seeds())
                .as((n, d, seed) -> new Cloud(overparam.data.Generators.sphere(n, d, seed).x()));
        Property<Cloud> p = Property.of("planted-pair", Cloud.class).generator("sphere n in [2,40], d in [3,5]", clouds)
                .hypotheses(SearchMachineryTest::unitRows).check(SearchMachineryTest::noAntipodalPair)
                .search(SearchSpace.<Cloud>coordinates().unitRows("x")).tries(300).build();
        PropertyOutcome o = run(p, false);
        assertThat(o.refuted()).isTrue();
        Counterexample cx = o.counterexample();
        // the smallest counterexample: two antipodal points on the line, [[1], [-1]] (jqwik alone stops at d = 3)
        assertThat(cx.sizeBefore()).isGreaterThan(cx.sizeAfter());
        assertThat(cx.sizeAfter()).as("shrunk to %s", cx.shrunk()).isEqualTo(2);
        JsonNode x = cx.shrunk().get("x");
        assertThat(x.size()).isEqualTo(2);
        assertThat(Math.abs(x.get(0).get(0).asDouble())).isEqualTo(1.0);
        assertThat(x.get(0).get(0).asDouble()).isEqualTo(-x.get(1).get(0).asDouble());
    }

    @Test
    void simplificationMovesNumbersToSimpleValues() {
        // x_1^2 + x_2^2 <= 1 on [-3, 3]^2: a violation simplifies to coordinates among 0, +-1, integers, small rationals
        Property<Point> p = Property.of("planted-disc", Point.class).generator("uniform [-3,3]^2", uniformPoints(2, -3, 3))
                .check(pt -> Evidence.le("|x|^2 <= 1", pt.x()[0] * pt.x()[0] + pt.x()[1] * pt.x()[1], 1, 0)).search(SearchSpace.coordinates()).tries(50).build();
        PropertyOutcome o = run(p, false);
        assertThat(o.refuted()).isTrue();
        JsonNode x = o.counterexample().shrunk().get("x");
        for (JsonNode v : x) assertThat(JsonShrinker.cost(v.asDouble())).as("%s", x).isLessThan(6);
        double r2 = x.get(0).asDouble() * x.get(0).asDouble() + x.get(1).asDouble() * x.get(1).asDouble();
        assertThat(r2).isGreaterThan(1);
    }

    private static Evidence associative(Triple t) {
        return Evidence.eq("(a+b)+c == a+(b+c)", (t.a() + t.b()) + t.c(), t.a() + (t.b() + t.c()), 0);
    }

    private static Certificate certifyAssociative(Triple t, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp a = hp.of(t.a()), b = hp.of(t.b()), c = hp.of(t.c());
        Dfp diff = a.add(b).add(c).subtract(a.add(b.add(c))).abs();
        return Certificate.of("Dfp", hp.digits(), HighPrecision.toBigDecimal(diff.negate()), new BigDecimal("1e-40"), "");
    }

    private static Arbitrary<Triple> triples() {
        return DataArbitraries.seeds().map(seed -> {
            Random r = new Random(seed);
            return new Triple(r.nextDouble(), r.nextDouble(), r.nextDouble());
        });
    }

    @Test
    void aRoundingOnlyViolationIsFragileNotCertified() {
        Property<Triple> p = Property.of("zero-tolerance-associativity", Triple.class).generator("uniform a, b, c in [0, 1)", triples())
                .check(SearchMachineryTest::associative).certify(SearchMachineryTest::certifyAssociative).search(SearchSpace.coordinates()).tries(200).build();
        PropertyOutcome o = run(p, false);
        assertThat(o.refuted()).isTrue();
        Counterexample cx = o.counterexample();
        assertThat(cx.certification()).isEqualTo("fragile");
        assertThat(cx.certificate().margin().signum()).isZero();
        assertThat(cx.evidence().margin()).isNegative();
        assertThat(cx.margins()).contains("double margin").contains("60-digit margin");
    }

    @Test
    void withoutACertifierTheOutcomeSaysSoAndNeverCertified() {
        Property<Triple> p = Property.of("uncertifiable", Triple.class).generator("uniform a, b, c in [0, 1)", triples())
                .check(SearchMachineryTest::associative).search(SearchSpace.coordinates()).tries(200).build();
        Counterexample cx = run(p, false).counterexample();
        assertThat(cx.certificate()).isNull();
        assertThat(cx.certification()).isEqualTo("uncertified: no high-precision route");
    }

    @Test
    void theSearchStaysInsideTheHypotheses() {
        // violations (x_0 < 0.45) exist only outside the hypotheses (x_0 >= 0.5)
        Property<Point> p = Property.of("hypotheses-fence", Point.class).generator("uniform [0,1]^2", uniformPoints(2, 0, 1))
                .hypotheses(pt -> pt.x()[0] >= 0.5 ? null : "x_0 < 0.5")
                .check(pt -> Evidence.ge("x_0 >= 0.45", pt.x()[0], 0.45, 0)).search(SearchSpace.coordinates()).tries(100).build();
        PropertyOutcome o = run(p, true);
        assertThat(o.refuted()).isFalse();
        assertThat(o.search().evaluations()).isPositive();
        assertThat(o.search().discarded()).as("candidates pushed across x_0 = 0.5").isPositive();
        assertThat(o.search().slackAfter()).isLessThan(o.search().slackBefore()).isGreaterThanOrEqualTo(0);
    }

    /** x . e_1 <= 0.99999 on the unit sphere of R^3: violated on a cap of relative area 5e-6. */
    private static Property<Cloud> cap(SearchSpace<Cloud> space) {
        Arbitrary<Cloud> points = DataArbitraries.seeds().map(seed -> new Cloud(overparam.data.Generators.sphere(1, 3, seed).x()));
        return Property.of("planted-cap", Cloud.class).generator("one point on S^2", points).hypotheses(SearchMachineryTest::unitRows)
                .check(c -> Evidence.le("x . e_1 <= 0.99999", c.x()[0][0], 0.99999, 0)).search(space).tries(100).build();
    }

    @Test
    void aProjectionKeepsTheSearchOnTheSphere() {
        PropertyOutcome plain = run(cap(SearchSpace.coordinates()), true);
        assertThat(plain.refuted()).as("without projection every move leaves the sphere").isFalse();
        assertThat(plain.search().discarded()).isGreaterThan(plain.search().evaluations() * 9 / 10);

        PropertyOutcome projected = run(cap(SearchSpace.<Cloud>coordinates().unitRows("x")), true);
        assertThat(projected.refuted()).as("%s", projected.search()).isTrue();
        assertThat(unitRows(Json.fromTree(projected.counterexample().shrunk(), Cloud.class))).isNull();
    }

    @Test
    void noSearchSpaceMeansNoSearch() {
        Property<Point> p = Property.of("none", Point.class).generator("uniform [-1,1]^4", uniformPoints(4, -1, 1))
                .check(SearchMachineryTest::awayFromTarget).noSearch("planted").tries(20).build();
        PropertyOutcome o = run(p, true);
        assertThat(o.refuted()).isFalse();
        assertThat(o.search().ran()).isFalse();
        assertThat(o.search().space()).contains("planted");
    }

    @Test
    void replayFailsWhenACertifiedEntryIsOnlyFragileNow() {
        Property<Triple> p = Property.of("zero-tolerance-associativity", Triple.class).generator("uniform a, b, c in [0, 1)", triples())
                .check(SearchMachineryTest::associative).certify(SearchMachineryTest::certifyAssociative).search(SearchSpace.coordinates()).tries(200).build();
        Counterexample cx = run(p, false).counterexample();
        Certificate claimedCertified = new Certificate("Dfp", 60, new BigDecimal("-1"), new BigDecimal("1e-40"), true, "saved as certified");
        Corpus.Entry saved = new Corpus.Entry("test/planted", p.name(), p.generator(), cx.seed(), "test", cx.sizeBefore(), cx.sizeAfter(),
                "certified", cx.originalEvidence(), cx.evidence(), claimedCertified, cx.original(), cx.shrunk(), null);
        Replay.Outcome o = Replay.replay("test/planted", p, saved);
        assertThat(o.stillViolated()).isTrue();
        assertThat(o.stillCertified()).isFalse();
        assertThat(o.reproduces()).isFalse();

        Corpus.Entry honest = new Corpus.Entry("test/planted", p.name(), p.generator(), cx.seed(), "sampling", cx.sizeBefore(),
                cx.sizeAfter(), "fragile", cx.originalEvidence(), cx.evidence(), cx.certificate(), cx.original(), cx.shrunk(), null);
        Replay.Outcome h = Replay.replay("test/planted", p, honest);
        assertThat(h.stillCertified()).isNull();
        assertThat(h.regenerates()).as("the seed regenerates the original").isTrue();
        assertThat(h.reproduces()).isTrue();
    }
}
