package overparam.data;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.Map;

/**
 * jqwik arbitraries over the generators. A dataset is drawn from shrinkable sizes and a shrinkable seed, so a failing
 * instance shrinks to fewer points, lower dimension and seed 0 while staying a pure function of (spec, seed).
 */
public final class DataArbitraries {
    private DataArbitraries() {}

    public static Arbitrary<Long> seeds() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE / 2);
    }

    public static Arbitrary<Integer> ints(int min, int max) {
        return Arbitraries.integers().between(min, max);
    }

    public static Arbitrary<Dataset> sphere(int nMin, int nMax, int dMin, int dMax) {
        return Combinators.combine(ints(nMin, nMax), ints(dMin, dMax), seeds()).as(Generators::sphere);
    }

    /** Generator {@code name} over n in [nMin, nMax], d in [dMin, dMax], with fixed extra parameters. */
    public static Arbitrary<Dataset> of(String name, int nMin, int nMax, int dMin, int dMax, Map<String, ?> fixed) {
        return Combinators.combine(ints(nMin, nMax), ints(dMin, dMax), seeds()).as((n, d, s) -> {
            java.util.Map<String, Object> p = new java.util.LinkedHashMap<>(fixed);
            p.put("n", n);
            p.put("d", d);
            return Generators.generate(name, p, s);
        });
    }

    /** The catalogue's standard unit-row families (sphere, half circle, clusters, antipodal, duplicates, orthonormal). */
    public static Arbitrary<Dataset> unitRows(int nMin, int nMax, int dMin, int dMax) {
        return Arbitraries.oneOf(
                sphere(nMin, nMax, dMin, dMax),
                Combinators.combine(ints(nMin, nMax), ints(Math.max(2, dMin), Math.max(2, dMax))).as(Generators::halfCircle),
                Combinators.combine(ints(nMin, nMax), ints(dMin, dMax), Arbitraries.of(1e-1, 1e-2, 1e-3), seeds()).as(Generators::cluster),
                Combinators.combine(ints(Math.max(2, nMin), Math.max(2, nMax)), ints(dMin, dMax), seeds()).as(Generators::antipodal),
                Combinators.combine(ints(Math.max(2, nMin), Math.max(2, nMax)), ints(dMin, dMax), seeds()).as(Generators::duplicates),
                ints(Math.max(dMin, nMin), Math.max(dMax, nMin)).flatMap(d -> ints(nMin, Math.min(nMax, d)).map(n -> Generators.orthonormal(n, d))));
    }
}
