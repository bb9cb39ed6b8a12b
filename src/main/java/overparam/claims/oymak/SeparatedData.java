package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Dataset;
import overparam.data.Generators;
import overparam.gauss.Kernels;
import overparam.linalg.Linalg;

import java.util.List;
import java.util.Map;

/** oymak/thm-I.1 and oymak/cor-I.2: covariance of the ReLU pattern for delta-separated data (App. I). */
final class SeparatedData {
    private SeparatedData() {}

    /** K0 = E[1(Xw >= 0) 1(Xw >= 0)^T] = (pi - theta_ij)/(2 pi), angles accurate near 0 and pi. */
    static DMatrixRMaj k0(DMatrixRMaj x) {
        return Kernels.ofGram(x, Kernels::reluDerivativeAngle);
    }

    /** The catalogue's families: sphere, half circle, clusters with eps down to 1e-5, pairs at any angle, separated sets. */
    static Arbitrary<DataInstance> families() {
        Arbitrary<Dataset> data = Arbitraries.oneOf(
                DataArbitraries.sphere(2, 14, 2, 5),
                Combinators.combine(DataArbitraries.ints(2, 40), DataArbitraries.ints(2, 3)).as(Generators::halfCircle),
                Combinators.combine(DataArbitraries.ints(2, 10), DataArbitraries.ints(2, 5), Arbitraries.of(1e-1, 1e-2, 1e-3, 1e-4, 1e-5),
                        DataArbitraries.seeds()).as(Generators::cluster),
                Combinators.combine(Arbitraries.oneOf(Arbitraries.doubles().between(0, 3.141592653589).ofScale(12), Arbitraries.of(1e-6, 1e-3, Math.PI / 2, Math.PI - 1e-3)),
                        DataArbitraries.ints(2, 3)).as(Generators::pair),
                Combinators.combine(DataArbitraries.ints(2, 6), DataArbitraries.ints(3, 6), Arbitraries.of(0.05, 0.2, 0.5), DataArbitraries.seeds())
                        .as(Generators::separated));
        return data.map(x -> new DataInstance("relu", 0, x));
    }

    static final String FAMILIES = "sphere n in [2,14], d in [2,5]; half circle n in [2,40]; clusters eps in {1e-1..1e-5}; pairs at angle theta; separated(delta)";

    /** Hypotheses of Theorem I.1: n >= 2 unit rows with separation delta = sep(X) > 0. */
    static String separated(DataInstance inst) {
        double[][] x = inst.data().x();
        if (x.length < 2) return "n < 2 (claims.tsv states the theorem for n >= 2)";
        String unit = Structure.unitRows(x);
        if (unit != null) return unit;
        return Generators.separation(x) > 0 ? null : "sep(X) = 0";
    }

    /** oymak/thm-I.1, Theorem I.1: E[I(Xw) I(Xw)^T] >= delta/(100 n^2) I for delta-separated unit rows (n >= 2). */
    static final class PatternCovariance extends StatisticalPropertyClaim {
        PatternCovariance() {
            super("oymak/thm-I.1");
        }

        record Gamma(double gamma) {}

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<DataInstance> edge = Combinators.combine(DataArbitraries.ints(1, 4), Arbitraries.of(2.0, 10.0, 100.0))
                    .as((d, delta) -> new DataInstance("relu", 0, new Dataset("single-point", Map.of("d", d, "delta", delta), 0, Generators.orthonormal(1, d).x())));
            return List.of(
                    Property.of("statement", DataInstance.class)
                            .description("lambda_min(K0) >= sep(X)/(100 n^2), K0 = (pi - arccos XX^T)/(2 pi) exact")
                            .generator(FAMILIES, families()).hypotheses(SeparatedData::separated).search(Structure.UNIT_ROW_SEARCH).check(PatternCovariance::statement).tries(200).build(),
                    Property.of("pair-exact", DataInstance.class)
                            .description("pairs at angle theta: lambda_min(K0) = theta/(2 pi) exactly (catalogue)")
                            .generator("pair(theta), theta in [0, pi]", Combinators.combine(Arbitraries.doubles().between(0, 3.141592653589).ofScale(12),
                                    DataArbitraries.ints(2, 4)).as((t, d) -> new DataInstance("relu", 0, Generators.pair(t, d))))
                            .check(PatternCovariance::pair).tries(50).build(),
                    Property.of("normal-mass", Gamma.class)
                            .description("proof fact: P(|g| <= gamma) = 2 Phi(gamma) - 1 >= 0.7 gamma for 0 <= gamma <= 1/2 (minimum ratio 0.7658 at 1/2)")
                            .generator("gamma in (0, 1/2]", Arbitraries.oneOf(Arbitraries.doubles().between(1e-9, 0.5).ofScale(12), Arbitraries.of(1e-12, 0.5))
                                    .map(Gamma::new)).check(PatternCovariance::normalMass).tries(100).build(),
                    Property.of("separation-identity", DataInstance.class)
                            .description("proof fact: 1 - |x_1^T x_i| = min(||x_1 - x_i||^2, ||x_1 + x_i||^2)/2 for unit vectors")
                            .generator(FAMILIES, families()).hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(PatternCovariance::identity).tries(60).build(),
                    Property.of("edge-n1", DataInstance.class)
                            .description("edge case reported separately (not the claim: claims.tsv states n >= 2): for n = 1 the separation hypothesis is vacuous, "
                                    + "so any delta qualifies, and (I.1) fails once delta > 50 (lambda = 1/2 < delta/100)")
                            .generator("one point, d in [1,4], delta in {2, 10, 100}", edge).check(PatternCovariance::edge).informative().tries(5).build());
        }

        static Evidence statement(DataInstance inst) {
            DMatrixRMaj x = inst.x(), k = k0(x);
            int n = x.numRows;
            double delta = Generators.separation(inst.data().x()), bound = delta / (100.0 * n * n);
            double lm = Linalg.lambdaMin(k);
            return Evidence.ge("lambda_min(E[I I^T]) >= delta/(100 n^2)", lm, bound, Linalg.psdTolerance(k))
                    .with("delta", delta).with("ratio", lm / bound);
        }

        static Evidence pair(DataInstance inst) {
            double theta = ((Number) inst.data().params().get("theta")).doubleValue();
            DMatrixRMaj k = k0(inst.x());
            return Evidence.eq("|lambda_min(K0) - theta/(2 pi)|", Math.abs(Linalg.lambdaMin(k) - theta / (2 * Math.PI)), 0, Linalg.psdTolerance(k));
        }

        static Evidence normalMass(Gamma g) {
            double x = g.gamma() / Math.sqrt(2), y = x * x, term = 1, s = 0;
            for (int n = 0; n < 40; n++) {
                s += term / (2 * n + 1);
                term *= -y / (n + 1);
            }
            double mass = 2 / Math.sqrt(Math.PI) * x * s;
            return Evidence.ge("2 Phi(gamma) - 1 >= 0.7 gamma", mass, 0.7 * g.gamma(), 8 * Linalg.EPS * g.gamma())
                    .with("ratio", g.gamma() == 0 ? Double.NaN : mass / g.gamma());
        }

        static Evidence identity(DataInstance inst) {
            double[][] x = inst.data().x();
            double err = 0;
            for (int i = 1; i < x.length; i++) {
                double sep = Generators.separation(new double[][] {x[0], x[i]});
                err = Math.max(err, Math.abs(1 - Math.abs(Linalg.dot(x[0], x[i])) - sep * sep / 2));
            }
            return Evidence.eq("max_i |1 - |x_1^T x_i| - min(||x_1 - x_i||, ||x_1 + x_i||)^2/2|", err, 0, 8 * Linalg.EPS);
        }

        static Evidence edge(DataInstance inst) {
            double delta = ((Number) inst.data().params().get("delta")).doubleValue();
            return Evidence.ge("n = 1: lambda_min(K0) = 1/2 >= delta/100", Linalg.lambdaMin(k0(inst.x())), delta / 100, 0);
        }

        @Override
        protected void numbers(Params p, RunContext ctx, ClaimResult.Builder r) {
            r.number("n = 1 edge case", "hypothesis vacuous (sep = +inf), any delta qualifies; (I.1) fails for delta > 50, e.g. delta = 100: lambda = 1/2 < 1. "
                    + "claims.tsv states the theorem for n >= 2, so this is reported, not a refutation (property edge-n1).");
            double[][] anti = {{1, 0}, {-1, 0}};
            r.number("antipodal observation", "{x, -x}: sep = 0 (Assumption 1 fails) yet E[I I^T] = diag(1/2, 1/2), lambda_min = "
                    + Linalg.lambdaMin(k0(new DMatrixRMaj(anti))));
            StringBuilder circle = new StringBuilder();
            for (int n : new int[] {5, 10, 20, 40}) {
                DMatrixRMaj x = Generators.halfCircle(n, 2).matrix();
                double ratio = Linalg.lambdaMin(k0(x)) / (Generators.separation(Generators.halfCircle(n, 2).x()) / (100.0 * n * n));
                circle.append(String.format(java.util.Locale.ROOT, "n=%d: %.3g; ", n, ratio));
            }
            r.number("looseness on half circles, lambda_min(K0)/(delta/(100 n^2))", circle.toString().trim());
        }
    }

    /** oymak/cor-I.2, Corollary I.2: lambda_ReLU(X) = lambda_min(K0 o XX^T) >= delta/(100 n^2), via Lemma 6.5 with diag(XX^T) = 1. */
    static final class ReluJacobianCovariance extends PropertyClaim {
        ReluJacobianCovariance() {
            super("oymak/cor-I.2");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("statement", DataInstance.class)
                            .description("lambda_min(K0 o XX^T) >= sep(X)/(100 n^2)")
                            .generator(FAMILIES, families()).hypotheses(SeparatedData::separated).search(Structure.UNIT_ROW_SEARCH).check(ReluJacobianCovariance::statement).tries(200).build(),
                    Property.of("schur-step", DataInstance.class)
                            .description("the proof's step: lambda_min(K0 o XX^T) >= (min_i (XX^T)_ii) lambda_min(K0) = lambda_min(K0)")
                            .generator(FAMILIES, families()).hypotheses(SeparatedData::separated).search(Structure.UNIT_ROW_SEARCH).check(ReluJacobianCovariance::schur).tries(100).build());
        }

        static Evidence statement(DataInstance inst) {
            DMatrixRMaj x = inst.x();
            DMatrixRMaj s = Linalg.hadamard(k0(x), unitGram(x));
            int n = x.numRows;
            double delta = Generators.separation(inst.data().x()), bound = delta / (100.0 * n * n);
            double lm = Linalg.lambdaMin(s);
            return Evidence.ge("lambda_ReLU(X) >= delta/(100 n^2)", lm, bound, Linalg.psdTolerance(s)).with("delta", delta).with("ratio", lm / bound);
        }

        static Evidence schur(DataInstance inst) {
            DMatrixRMaj x = inst.x(), k = k0(x);
            DMatrixRMaj s = Linalg.hadamard(k, unitGram(x));
            return Evidence.ge("lambda_min(K0 o XX^T) >= lambda_min(K0)", Linalg.lambdaMin(s), Linalg.lambdaMin(k), Linalg.psdTolerance(k));
        }

        static DMatrixRMaj unitGram(DMatrixRMaj x) {
            DMatrixRMaj g = Linalg.gram(x);
            for (int i = 0; i < g.numRows; i++) g.set(i, i, 1.0);
            return g;
        }
    }
}
