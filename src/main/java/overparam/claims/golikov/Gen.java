package overparam.claims.golikov;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import overparam.data.DataArbitraries;

/** jqwik arbitraries shared by the golikov claims: widths, sample counts and seeds, all shrinkable. */
final class Gen {
    private Gen() {}

    static Arbitrary<Long> seeds() {
        return DataArbitraries.seeds();
    }

    static Arbitrary<Integer> ints(int min, int max) {
        return DataArbitraries.ints(min, max);
    }

    /** Widths d_0..d_H with H in [hMin, hMax] and every d_k in [1, dMax]. */
    static Arbitrary<int[]> widths(int hMin, int hMax, int dMin, int dMax) {
        return Arbitraries.integers().between(dMin, dMax).array(int[].class).ofMinSize(hMin + 1).ofMaxSize(hMax + 1);
    }

    /** A deep linear problem with m in [d0 + extraMin, d0 + extraMax] (X of full row rank when extraMin >= 0). */
    static Arbitrary<Instances.LinearNet> linearNets(int hMin, int hMax, int dMax, int extraMin, int extraMax) {
        return Combinators.combine(widths(hMin, hMax, 1, dMax), ints(extraMin, extraMax), seeds())
                .as((dims, extra, seed) -> new Instances.LinearNet(dims, dims[0] + extra, seed));
    }
}
