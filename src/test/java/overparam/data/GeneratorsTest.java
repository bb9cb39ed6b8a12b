package overparam.data;

import overparam.JqwikSeeds;
import net.jqwik.api.*;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import overparam.gauss.Kernels;

import java.util.Map;

import static org.assertj.core.api.Assertions.*;

/** Generators are pure functions of (spec, seed), produce what they promise, and refuse impossible requests by name. */
class GeneratorsTest {
    @Property(tries = 60, seed = JqwikSeeds.CI)
    void sameSeedSameData(@ForAll("names") String name, @ForAll long seed) {
        Map<String, Object> p = defaults(name);
        assertThat(Generators.generate(name, p, seed).x()).isDeepEqualTo(Generators.generate(name, p, seed).x());
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(Generators.names());
    }

    static Map<String, Object> defaults(String name) {
        return switch (name) {
            case "cluster" -> Map.of("n", 6, "d", 3, "eps", 0.01);
            case "pair" -> Map.of("theta", 1.0, "d", 3);
            case "separated" -> Map.of("n", 5, "d", 4, "delta", 0.3);
            case "kr-deficient" -> Map.of("n", 7, "d", 2);
            case "vandermonde" -> Map.of("kind", "sig", "M", 5, "D", 4);
            default -> Map.of("n", 4, "d", 5);
        };
    }

    @Property(tries = 100, seed = JqwikSeeds.CI)
    void unitRowFamiliesHaveUnitRows(@ForAll @IntRange(min = 1, max = 20) int n, @ForAll @IntRange(min = 2, max = 8) int d, @ForAll long seed) {
        for (Dataset ds : new Dataset[] {Generators.sphere(n, d, seed), Generators.halfCircle(n, d), Generators.cluster(n, d, 1e-3, seed),
                Generators.antipodal(Math.max(2, n), d, seed), Generators.duplicates(Math.max(2, n), d, seed)})
            for (double[] row : ds.x()) assertThat(overparam.linalg.Linalg.norm(row)).isCloseTo(1, within(1e-14));
    }

    @Property(tries = 50, seed = JqwikSeeds.CI)
    void structuredFamiliesHaveTheirDefiningProperty(@ForAll @IntRange(min = 2, max = 30) int n, @ForAll @DoubleRange(min = 0.01, max = 3.1) double theta,
                                                     @ForAll long seed) {
        assertThat(Generators.separation(Generators.halfCircle(n, 3).x())).isCloseTo(2 * Math.sin(Math.PI / (2 * n)), within(1e-12));
        double[][] p = Generators.pair(theta, 3).x();
        assertThat(Kernels.angle(p[0], p[1])).isCloseTo(theta, within(1e-12));
        double[][] a = Generators.antipodal(2 * (n / 2), 4, seed).x();
        for (int j = 0; j < 4; j++) assertThat(a[1][j]).isEqualTo(-a[0][j]);
        double[][] dup = Generators.duplicates(n, 4, seed).x();
        assertThat(dup[n - 1]).isEqualTo(dup[0]);
        assertThat(Generators.separation(Generators.separated(Math.min(n, 6), 5, 0.4, seed).x())).isGreaterThanOrEqualTo(0.4);
    }

    @Test
    void vandermondeFamiliesUseOneBasedIndices() {
        double[][] v = Generators.vandermonde(Generators.VandermondeKind.POWER, 3, 2).x();
        assertThat(v).isDeepEqualTo(new double[][] {{1, 1}, {2, 4}, {3, 9}});
        assertThat(Generators.vandermonde(Generators.VandermondeKind.SIGMOID, 2, 2).x()[1][1]).isCloseTo(1 / (1 + Math.exp(-4)), within(1e-16));
        assertThat(Generators.vandermonde(Generators.VandermondeKind.EXP, 2, 3).x()[1][2]).isCloseTo(Math.exp(6), within(1e-9));
    }

    @Test
    void impossibleRequestsFailNamingTheParameter() {
        assertThatThrownBy(() -> Generators.sphere(0, 3, 1)).hasMessageContaining("'n'");
        assertThatThrownBy(() -> Generators.sphere(3, 0, 1)).hasMessageContaining("'d'");
        assertThatThrownBy(() -> Generators.cluster(3, 3, Double.NaN, 1)).hasMessageContaining("'eps'");
        assertThatThrownBy(() -> Generators.separated(3, 3, 1.5, 1)).hasMessageContaining("'delta'").hasMessageContaining("sqrt(2)");
        assertThatThrownBy(() -> Generators.separated(3, 3, Double.NaN, 1)).hasMessageContaining("'delta'");
        assertThatThrownBy(() -> Generators.separated(40, 2, 1.4, 1)).hasMessageContaining("'delta'");
        assertThatThrownBy(() -> Generators.orthonormal(5, 3)).hasMessageContaining("'n'");
        assertThatThrownBy(() -> Generators.krDeficient(6, 3, 1)).hasMessageContaining("'n'").hasMessageContaining("d(d+1)/2 = 6");
        assertThatThrownBy(() -> Generators.pair(4.0, 3)).hasMessageContaining("'theta'");
        assertThatThrownBy(() -> Generators.vandermonde(Generators.VandermondeKind.EXP, 30, 30)).hasMessageContaining("overflows");
        assertThatThrownBy(() -> Generators.generate("torus", Map.of(), 1)).hasMessageContaining("unknown generator 'torus'");
        assertThatThrownBy(() -> Generators.generate("sphere", Map.of("n", 3), 1)).hasMessageContaining("'d'");
        assertThatThrownBy(() -> Generators.generate("sphere", Map.of("n", "x", "d", 2), 1)).hasMessageContaining("'n'");
        assertThatThrownBy(() -> new Dataset("hand", Map.of(), 0, new double[][] {{1, Double.NaN}})).hasMessageContaining("row 0, column 1");
        assertThatThrownBy(() -> new Dataset("hand", Map.of(), 0, new double[][] {{1, 2}, {3}})).hasMessageContaining("row 1");
    }

    @Test
    void specsFileNamesEveryGeneratorAndItsDefaultsWork() {
        assertThat(GeneratorSpecs.names()).containsExactlyInAnyOrderElementsOf(Generators.names());
        for (String name : GeneratorSpecs.names()) assertThat(GeneratorSpecs.generate(name, Map.of(), 1).n()).isPositive();
        assertThat(GeneratorSpecs.generate("sphere", Map.of("n", "7"), 1).n()).isEqualTo(7);
        assertThatThrownBy(() -> GeneratorSpecs.generate("sphere", Map.of("radius", "2"), 1)).hasMessageContaining("'radius'");
    }
}
