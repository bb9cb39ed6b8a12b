package overparam.claims.oymak;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.ShallowNet;

import java.util.List;

/** oymak/lemma-6.6 and oymak/lemma-6.8: the spectral norm and the Lipschitz constant of the Jacobian. */
final class JacobianBounds {
    private JacobianBounds() {}

    static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) m = Math.max(m, Math.abs(e));
        return m;
    }

    /** oymak/lemma-6.6, Lemma 6.6: |phi'| <= B gives ||J(W)|| <= sqrt(k) B ||v||_inf ||X|| for any W, X. */
    static final class SpectralNorm extends PropertyClaim {
        static final List<String> ACTS = List.of("softplus", "relu", "tanh", "sigmoid", "gausscdf", "sin", "3.0*tanh", "0.25*relu");

        SpectralNorm() {
            super("oymak/lemma-6.6");
        }

        @Override
        public List<ParamSpec> parameters() {
            return NetInstance.sizeParameters(20, 10, 30, ACTS);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = NetInstance.arbitrary(p.activations("activations"), p.range("n"), p.range("d"), p.range("k"), false,
                    NetInstance.Outputs.RANDOM, 0.1, 1.0, 10.0, 1000.0);
            String g = "activations " + p.string("activations") + ", Gaussian rows (any norm) n " + p.string("n") + ", d " + p.string("d")
                    + ", k " + p.string("k") + ", W scale in {0.1, 1, 10, 1000}, random v";
            return List.of(
                    Property.of("statement", NetInstance.class)
                            .description("||J(W)|| <= sqrt(k) B ||v||_inf ||X||, ||J|| from the Hadamard Gram identity")
                            .generator(g, gen).check(inst -> norm(inst, false)).certify((inst, e) -> Certifiers.spectralNorm(inst, false)).tries(200).search(SearchSpace.coordinates()).build(),
                    Property.of("sharper", NetInstance.class)
                            .description("the proof's sharper ||J(W)|| <= B ||v||_2 ||X||")
                            .generator(g, gen).check(inst -> norm(inst, true)).certify((inst, e) -> Certifiers.spectralNorm(inst, true)).tries(200).search(SearchSpace.coordinates()).build());
        }
    }

    static Evidence norm(NetInstance inst, boolean sharper) {
        ShallowNet net = inst.net();
        DMatrixRMaj gram = net.jacobianGram(inst.wMatrix());
        double jNorm = Math.sqrt(Math.max(0, Linalg.lambdaMax(gram)));
        double b = inst.act().bigB(), xNorm = Linalg.spectralNorm(inst.xMatrix());
        double bound = sharper ? b * Linalg.norm(inst.v()) * xNorm : Math.sqrt(inst.k()) * b * maxAbs(inst.v()) * xNorm;
        return Evidence.le(sharper ? "||J|| <= B ||v||_2 ||X||" : "||J|| <= sqrt(k) B ||v||_inf ||X||", jNorm, bound,
                Linalg.tolerance(bound, inst.n() * inst.k())).with("ratio", bound == 0 ? 0 : jNorm / bound);
    }

    /** oymak/lemma-6.8, Lemma 6.8: |phi''| <= M and unit rows give ||J(W~) - J(W)|| <= M ||v||_inf ||X|| ||W~ - W||_F. */
    static final class Lipschitz extends PropertyClaim {
        static final List<String> ACTS = List.of("softplus", "tanh", "sigmoid", "sin", "gausscdf", "2.0*softplus");

        Lipschitz() {
            super("oymak/lemma-6.8");
        }

        @Override
        public List<ParamSpec> parameters() {
            return NetInstance.sizeParameters(12, 6, 12, ACTS);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("statement", WeightPair.class)
                            .description("||J(W~) - J(W)|| <= M ||v||_inf ||X|| ||W~ - W||_F with M = sup|phi''| (softplus 1/4, tanh 0.7698, ...)")
                            .generator("activations " + p.string("activations") + ", unit rows n " + p.string("n") + ", d " + p.string("d") + ", k "
                                            + p.string("k") + ", W~ = W + t Delta, t in {1e-6, 1e-3, 1, 10}",
                                    WeightPair.arbitrary(p.activations("activations"), p.range("n"), p.range("d"), p.range("k"),
                                            net.jqwik.api.Arbitraries.just(1.0)))
                            .hypotheses(pr -> Structure.unitRows(pr.x())).search(SearchSpace.<WeightPair>coordinates().unitRows("x"))
                            .check(JacobianBounds::lipschitz).certify(Certifiers::lipschitz).tries(200).build(),
                    Property.of("control-non-unit-rows", WeightPair.class)
                            .description("negative control: rows of norm s in [1.5, 4] with phi = sin (unit rows dropped); the bound must fail")
                            .generator("sin, rows of norm s in {1.5, 2, 3, 4}, n <= 6, d <= 4, k <= 6",
                                    WeightPair.arbitrary(List.of("sin"), 6, 4, 6, net.jqwik.api.Arbitraries.of(1.5, 2.0, 3.0, 4.0)))
                            .check(JacobianBounds::lipschitz).certify(JacobianBounds::certifySin).expectRefuted().tries(60).search(SearchSpace.coordinates()).build());
        }
    }

    static Evidence lipschitz(WeightPair pr) {
        ShallowNet net = pr.net();
        DMatrixRMaj diff = Linalg.minus(net.weightedDerivatives(pr.w2Matrix()), net.weightedDerivatives(pr.wMatrix()));
        DMatrixRMaj x = new DMatrixRMaj(pr.x());
        double lhs = Math.sqrt(Math.max(0, Linalg.lambdaMax(Linalg.hadamard(Linalg.gram(diff), Linalg.gram(x)))));
        double dw = Linalg.frobenius(Linalg.minus(pr.w2Matrix(), pr.wMatrix()));
        double rhs = pr.act().bigM() * maxAbs(pr.v()) * Linalg.spectralNorm(x) * dw;
        return Evidence.le("||J(W~) - J(W)|| <= M ||v||_inf ||X|| ||W~ - W||_F", lhs, rhs,
                Linalg.tolerance(maxAbs(pr.v()) * Linalg.spectralNorm(x) * pr.act().supD1(), x.numRows * pr.v().length))
                .with("ratio", rhs == 0 ? 0 : lhs / rhs);
    }

    /** High-precision margin for phi = sin (M = 1): entries cos(w^T x) in Dfp, norms by inertia bisection. */
    static Certificate certifySin(WeightPair pr, Evidence e) {
        if (!pr.act().base().name().equals("sin")) return null;
        HighPrecision hp = new HighPrecision();
        Dfp scale = hp.of(pr.act().scale());
        Dfp[][] x = hp.of(pr.x()), w = hp.of(pr.w()), w2 = hp.of(pr.w2());
        Dfp[] v = hp.of(pr.v());
        int n = x.length, k = w.length;
        Dfp[][] d = new Dfp[n][k];
        Dfp vMax = hp.zero(), dw2 = hp.zero();
        for (int l = 0; l < k; l++) {
            if (v[l].abs().greaterThan(vMax)) vMax = v[l].abs();
            for (int j = 0; j < w[l].length; j++) dw2 = dw2.add(w2[l][j].subtract(w[l][j]).multiply(w2[l][j].subtract(w[l][j])));
        }
        for (int i = 0; i < n; i++)
            for (int l = 0; l < k; l++)
                d[i][l] = hp.cos(hp.dot(w2[l], x[i])).subtract(hp.cos(hp.dot(w[l], x[i]))).multiply(v[l]).multiply(scale);
        Dfp lhs = hp.lambdaMax(hp.hadamard(hp.gram(d), hp.gram(x))).sqrt();
        Dfp xNorm = hp.lambdaMax(hp.gram(x)).sqrt();
        Dfp rhs = scale.abs().multiply(vMax).multiply(xNorm).multiply(dw2.sqrt());
        return Certificate.of("Dfp cos and inertia bisection", hp.digits(), HighPrecision.toBigDecimal(rhs.subtract(lhs)),
                new java.math.BigDecimal("1e-40"), "M ||v||_inf ||X|| ||W~ - W||_F - ||J(W~) - J(W)||");
    }
}
