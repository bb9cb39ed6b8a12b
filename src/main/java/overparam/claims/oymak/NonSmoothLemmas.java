package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.RandomMatrices;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.ShallowNet;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/** oymak/lemma-G.1, def-G.2, lemma-G.3, lemma-G.4: the non-smooth meta-theory of App. G (Assumptions 2-4). */
final class NonSmoothLemmas {
    private NonSmoothLemmas() {}

    /** Left and right singular vectors (columns), singular values descending. */
    record Svd(DMatrixRMaj u, double[] s, DMatrixRMaj v) {
        double[] left(int i) {
            double[] out = new double[u.numRows];
            for (int r = 0; r < out.length; r++) out[r] = u.get(r, i);
            return out;
        }

        double[] right(int i) {
            double[] out = new double[v.numRows];
            for (int r = 0; r < out.length; r++) out[r] = v.get(r, i);
            return out;
        }
    }

    static Svd svd(DMatrixRMaj a) {
        SingularValueDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.svd(a.numRows, a.numCols, true, true, false);
        if (!d.decompose(a.copy())) throw new ArithmeticException("SVD failed");
        DMatrixRMaj u = d.getU(null, false), v = d.getV(null, false);
        double[] s = d.getSingularValues();
        int m = s.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = i;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(s[y], s[x]));
        DMatrixRMaj us = new DMatrixRMaj(u.numRows, m), vs = new DMatrixRMaj(v.numRows, m);
        double[] ss = new double[m];
        for (int j = 0; j < m; j++) {
            ss[j] = s[order[j]];
            for (int r = 0; r < u.numRows; r++) us.set(r, j, u.get(r, order[j]));
            for (int r = 0; r < v.numRows; r++) vs.set(r, j, v.get(r, order[j]));
        }
        return new Svd(us, ss, vs);
    }

    static double[][] outer(double scale, double[] a, double[] b) {
        double[][] out = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < b.length; j++) out[i][j] = scale * a[i] * b[j];
        return out;
    }

    static double[][] scaledTo(double[][] e, double norm) {
        double s = Linalg.spectralNorm(new DMatrixRMaj(e));
        double[][] out = new double[e.length][];
        for (int i = 0; i < e.length; i++) {
            out[i] = e[i].clone();
            for (int j = 0; j < out[i].length; j++) out[i][j] *= s > 0 ? norm / s : 0;
        }
        return out;
    }

    static double[][] plus(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
            for (int j = 0; j < out[i].length; j++) out[i][j] += b[i][j];
        }
        return out;
    }

    /**
     * Three n x p matrices C, A, B, a vector r in R^n and a level: the instance of Lemmas G.1 (eps = the perturbation bound)
     * and G.3 (eps holds alpha; the perturbations are at most alpha/3).
     */
    record MatrixTriple(String kind, double[][] c, double[][] a, double[][] b, double[] r, double eps) {}

    /**
     * Random C and perturbations of spectral norm exactly {@code eps}: random, rank-one aligned with the top singular pair (the
     * equality case of G.1), opposite signs, or aligned with the bottom pair; r random, top or bottom left singular vector.
     */
    static MatrixTriple triple(String kind, String rKind, int n, int p, double epsFactor, long seed) {
        Random rng = new Random(seed);
        double[][] c = RandomMatrices.gaussian(n, p, rng);
        Svd s = svd(new DMatrixRMaj(c));
        double eps = epsFactor;
        int last = Math.min(n, p) - 1;
        double[][] e1, e2;
        switch (kind) {
            case "aligned-top" -> e1 = e2 = outer(eps, s.left(0), s.right(0));
            case "opposite-top" -> {
                e1 = outer(eps, s.left(0), s.right(0));
                e2 = outer(-eps, s.left(0), s.right(0));
            }
            case "against-bottom" -> e1 = e2 = outer(-eps, s.left(last), s.right(last));
            default -> {
                e1 = scaledTo(RandomMatrices.gaussian(n, p, rng), eps);
                e2 = scaledTo(RandomMatrices.gaussian(n, p, rng), eps);
            }
        }
        double[] r = switch (rKind) {
            case "top" -> s.left(0);
            case "bottom" -> s.left(last);
            default -> RandomMatrices.gaussianVector(n, rng);
        };
        return new MatrixTriple(kind + "/r-" + rKind, c, plus(c, e1), plus(c, e2), r, eps);
    }

    static double[] transMult(double[][] m, double[] r) {
        return Linalg.multTransVec(new DMatrixRMaj(m), r);
    }

    /** oymak/lemma-G.1, Lemma G.1: ||B - C||, ||A - C|| <= eps give |r^T B A^T r - ||C^T r||^2| <= 2 eps ||C^T r|| ||r|| + eps^2 ||r||^2. */
    static final class AsymmetricPerturbation extends PropertyClaim {
        AsymmetricPerturbation() {
            super("oymak/lemma-G.1");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<MatrixTriple> gen = Combinators.combine(Arbitraries.of("random", "aligned-top", "opposite-top", "against-bottom"),
                    Arbitraries.of("random", "top", "bottom"), DataArbitraries.ints(1, 6), DataArbitraries.ints(1, 8),
                    Arbitraries.of(1e-3, 0.1, 1.0, 10.0), DataArbitraries.seeds()).as(NonSmoothLemmas::triple);
            return List.of(Property.of("statement", MatrixTriple.class)
                    .description("perturbations of spectral norm exactly eps (random; rank-one along the top singular pair, the equality case; opposite; against the bottom pair); r random or a singular vector")
                    .generator("C ~ N(0,1) n x p, n in [1,6], p in [1,8], eps in {1e-3, 0.1, 1, 10}", gen)
                    .hypotheses(AsymmetricPerturbation::hypotheses).check(AsymmetricPerturbation::check).tries(300).build());
        }

        static String hypotheses(MatrixTriple t) {
            DMatrixRMaj c = new DMatrixRMaj(t.c());
            double slack = 1 + 1e-12;
            return Linalg.spectralNorm(Linalg.minus(new DMatrixRMaj(t.a()), c)) <= t.eps() * slack
                    && Linalg.spectralNorm(Linalg.minus(new DMatrixRMaj(t.b()), c)) <= t.eps() * slack ? null : "a perturbation exceeds eps";
        }

        static Evidence check(MatrixTriple t) {
            double[] r = t.r();
            double[] atr = transMult(t.a(), r), btr = transMult(t.b(), r), ctr = transMult(t.c(), r);
            double lhs = Math.abs(Linalg.dot(btr, atr) - Linalg.dot(ctr, ctr));
            double cn = Linalg.norm(ctr), rn = Linalg.norm(r);
            double rhs = 2 * t.eps() * cn * rn + t.eps() * t.eps() * rn * rn;
            double scale = Math.pow(Linalg.norm(atr) + Linalg.norm(btr) + cn, 2);
            return Evidence.le("|r^T B A^T r - ||C^T r||^2| <= 2 eps ||C^T r|| ||r|| + eps^2 ||r||^2", lhs, rhs,
                    Linalg.tolerance(scale, r.length * t.c()[0].length)).with("kind", t.kind());
        }
    }

    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    /** int_0^1 phi'(z + a delta) da by composite Gauss-Legendre. */
    static double segmentAverage(Activation a, double z, double delta, int panels, int nodesPerPanel) {
        double avg = 0;
        for (int q = 0; q < panels; q++) {
            GaussIntegrator gl = GAUSS.legendre(nodesPerPanel, (double) q / panels, (double) (q + 1) / panels);
            for (int j = 0; j < gl.getNumberOfPoints(); j++) avg += gl.getWeight(j) * a.d1(z + gl.getPoint(j) * delta);
        }
        return avg;
    }

    /** int_0^1 1(z + a delta >= 0) da exactly: the length of the part of the segment where the unit is active. */
    static double reluAverage(double z, double delta) {
        if (delta == 0) return z >= 0 ? 1 : 0;
        double t = -z / delta;
        if (delta > 0) return 1 - Math.max(0, Math.min(1, t));
        return Math.max(0, Math.min(1, t));
    }

    /**
     * avg[i][l] = int_0^1 phi'(w_l^T x_i + a dw_l^T x_i) da: exact for ReLU (split at the kink), composite Gauss-Legendre
     * otherwise with 2 (refined) or 1 panel per unit of |dw_l^T x_i|, 16 nodes each.
     */
    static double[][] averageDerivative(WeightPair pr, boolean refined) {
        Activation a = pr.act();
        double[][] x = pr.x(), w = pr.w(), w2 = pr.w2();
        double[][] avg = new double[x.length][w.length];
        for (int i = 0; i < x.length; i++)
            for (int l = 0; l < w.length; l++) {
                double z = Linalg.dot(w[l], x[i]), delta = Linalg.dot(w2[l], x[i]) - z;
                if (a.base().name().equals("relu")) avg[i][l] = a.scale() * reluAverage(z, delta);
                else {
                    int panels = (int) Math.ceil(Math.max(1, Math.abs(delta))) * (refined ? 2 : 1);
                    avg[i][l] = segmentAverage(a, z, delta, panels, 16);
                }
            }
        return avg;
    }

    /** oymak/def-G.2, Definition G.2: J(y, x) = int_0^1 J(x + a(y - x)) da satisfies f(y) - f(x) = J(y, x)(y - x). */
    static final class AverageJacobian extends PropertyClaim {
        static final List<String> ACTS = List.of("relu", "0.5*relu", "softplus", "tanh", "sigmoid", "gausscdf");

        AverageJacobian() {
            super("oymak/def-G.2");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("segment-identity", WeightPair.class)
                    .description("f(W~) - f(W) = J(W~, W) vect(W~ - W) with (J(W~,W) vect(D))_i = sum_l v_l avg_il (D x_i)_l: avg exact for ReLU "
                            + "(the segment split at its kink), composite Gauss-Legendre for smooth phi")
                    .generator("activations " + ACTS + ", unit rows n <= 8, d <= 5, k <= 12, W~ = W + t Delta, t in {1e-6, 1e-3, 1, 10}, random v",
                            WeightPair.arbitrary(ACTS, 8, 5, 12, Arbitraries.just(1.0)))
                    .check(AverageJacobian::check).tries(200).build());
        }

        static Evidence check(WeightPair pr) {
            ShallowNet net = pr.net();
            double[] f1 = net.outputs(pr.wMatrix()), f2 = net.outputs(pr.w2Matrix());
            double[][] avg = averageDerivative(pr, false), fine = averageDerivative(pr, true);
            double[][] x = pr.x(), w = pr.w(), w2 = pr.w2();
            double[] v = pr.v();
            double worst = 0, scale = 0, quadrature = 0;
            for (int i = 0; i < x.length; i++) {
                double jd = 0, mag = 0;
                for (int l = 0; l < w.length; l++) {
                    double delta = Linalg.dot(w2[l], x[i]) - Linalg.dot(w[l], x[i]);
                    jd += v[l] * avg[i][l] * delta;
                    mag += Math.abs(v[l]) * (Math.abs(pr.act().phi(Linalg.dot(w[l], x[i]))) + Math.abs(pr.act().phi(Linalg.dot(w2[l], x[i]))) + Math.abs(delta));
                    quadrature += Math.abs(v[l] * (avg[i][l] - fine[i][l]) * delta);
                }
                worst = Math.max(worst, Math.abs(f2[i] - f1[i] - jd));
                scale = Math.max(scale, mag);
            }
            return Evidence.eq("max_i |f_i(W~) - f_i(W) - (J(W~, W) vect(W~ - W))_i|", worst, 0,
                    Linalg.tolerance(scale, w.length * x[0].length) + quadrature).with("quadrature estimate", quadrature);
        }
    }

    /** oymak/lemma-G.3, Lemma G.3: sigma_min(C) >= 2 alpha, ||A - C||, ||B - C|| <= alpha/3 give r^T B A^T r >= ||C^T r||^2/2 and ||A^T r||^2 <= 1.5 ||C^T r||^2. */
    static final class AverageJacobianBounds extends PropertyClaim {
        AverageJacobianBounds() {
            super("oymak/lemma-G.3");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<MatrixTriple> matrices = Combinators.combine(Arbitraries.of("random", "against-bottom", "opposite-top", "aligned-top"),
                    Arbitraries.of("random", "bottom", "top"), DataArbitraries.ints(1, 5), DataArbitraries.ints(0, 6), Arbitraries.of(0.25, 1.0),
                    DataArbitraries.seeds()).as((kind, rKind, n, extra, frac, seed) -> {
                        // C wide (p >= n); eps = frac * alpha/3 with alpha = sigma_min(C)/2.
                        int cols = n + extra;
                        double alpha = Linalg.sigmaMin(new DMatrixRMaj(RandomMatrices.gaussian(n, cols, new Random(seed)))) / 2;
                        MatrixTriple t = triple(kind, rKind, n, cols, frac * alpha / 3, seed);
                        return new MatrixTriple(t.kind(), t.c(), t.a(), t.b(), t.r(), alpha);
                    });
            Arbitrary<MatrixTriple> control = Combinators.combine(DataArbitraries.ints(1, 5), Arbitraries.of(0.5, 1.0, 2.0), DataArbitraries.seeds())
                    .as((n, alpha, seed) -> {
                        double[][] c = new double[n][n], ab = new double[n][n];
                        for (int i = 0; i < n; i++) {
                            c[i][i] = 2 * alpha;
                            ab[i][i] = alpha;
                        }
                        return new MatrixTriple("C = 2 alpha I, A = B = C - alpha I", c, ab, ab, RandomMatrices.gaussianVector(n, new Random(seed)), alpha);
                    });
            Arbitrary<NetworkTriple> network = Combinators.combine(DataArbitraries.ints(2, 4), DataArbitraries.ints(2, 4), DataArbitraries.ints(20, 60),
                    Arbitraries.of(1e-4, 1e-3, 1e-2), Arbitraries.of("random", "bottom"), DataArbitraries.seeds()).as(NonSmoothLemmas::networkTriple);
            return List.of(
                    Property.of("matrix-form", MatrixTriple.class)
                            .description("C ~ N(0,1) n x p (p >= n), alpha = sigma_min(C)/2, ||A - C||, ||B - C|| = alpha/3 or alpha/12 (random, aligned, opposite, against the bottom pair); r random or singular")
                            .generator("n in [1,5], p in [n, n+6]", matrices)
                            .hypotheses(AverageJacobianBounds::assumptions).check(AverageJacobianBounds::check).tries(300).build(),
                    Property.of("relu-network", NetworkTriple.class)
                            .description("ReLU nets: C = J(W0), A = J(W1), B = J(W2, W1) (exact average Jacobian), alpha = sigma_min(J(W0))/2, W1, W2 near W0; "
                                    + "instances kept when ||A - C||, ||B - C|| <= alpha/3 (Assumption 4 along the segment); all by the Hadamard Gram identities")
                            .generator("relu, sphere n in [2,4], d in [2,4], k in [20,60], ||W_i - W0|| scale in {1e-4, 1e-3, 1e-2}, r random or bottom", network)
                            .hypotheses(AverageJacobianBounds::networkAssumptions).check(AverageJacobianBounds::networkCheck).tries(60).build(),
                    Property.of("control-alpha-perturbation", MatrixTriple.class)
                            .description("negative control (alpha/3 closeness dropped): C = 2 alpha I, A = B = C - alpha I (perturbation alpha); r^T B A^T r = alpha^2 ||r||^2 < ||C^T r||^2/2")
                            .generator("n in [1,5], alpha in {0.5, 1, 2}, r random", control)
                            .check(AverageJacobianBounds::check).certify(AverageJacobianBounds::certifyControl).expectRefuted().tries(5).build());
        }

        static String assumptions(MatrixTriple t) {
            DMatrixRMaj c = new DMatrixRMaj(t.c());
            double alpha = t.eps(), slack = 1 + 1e-12;
            if (Linalg.sigmaMin(c) < 2 * alpha / slack) return "sigma_min(C) < 2 alpha (A2)";
            if (Linalg.spectralNorm(Linalg.minus(new DMatrixRMaj(t.a()), c)) > alpha / 3 * slack) return "||A - C|| > alpha/3 (A4)";
            if (Linalg.spectralNorm(Linalg.minus(new DMatrixRMaj(t.b()), c)) > alpha / 3 * slack) return "||B - C|| > alpha/3 (A4)";
            return null;
        }

        static Evidence check(MatrixTriple t) {
            double[] r = t.r();
            double[] atr = transMult(t.a(), r), btr = transMult(t.b(), r), ctr = transMult(t.c(), r);
            double c2 = Linalg.dot(ctr, ctr);
            double tol = Linalg.tolerance(Math.pow(Linalg.norm(atr) + Linalg.norm(btr) + Math.sqrt(c2), 2), r.length * t.c()[0].length);
            return Evidence.worst(
                    Evidence.ge("r^T B A^T r >= ||C^T r||^2 / 2", Linalg.dot(btr, atr), c2 / 2, tol),
                    Evidence.le("||A^T r||^2 <= 1.5 ||C^T r||^2", Linalg.dot(atr, atr), 1.5 * c2, tol)).with("kind", t.kind());
        }

        static Certificate certifyControl(MatrixTriple t, Evidence e) {
            HighPrecision hp = new HighPrecision();
            Dfp[][] a = hp.of(t.a()), b = hp.of(t.b()), c = hp.of(t.c());
            Dfp[] r = hp.of(t.r());
            Dfp[] atr = hp.multVec(hp.transpose(a), r), btr = hp.multVec(hp.transpose(b), r), ctr = hp.multVec(hp.transpose(c), r);
            Dfp margin = hp.dot(btr, atr).subtract(hp.dot(ctr, ctr).divide(hp.of(2)));
            return Certificate.of("Dfp", hp.digits(), HighPrecision.toBigDecimal(margin), new BigDecimal("1e-40"), "r^T B A^T r - ||C^T r||^2/2");
        }

        static String networkAssumptions(NetworkTriple t) {
            double alpha = t.alpha();
            if (!(alpha > 0)) return "sigma_min(J(W0)) = 0";
            if (t.distA() > alpha / 3 || t.distB() > alpha / 3) return "||J - J(W0)|| > alpha/3 on the segment (A4)";
            return null;
        }

        static Evidence networkCheck(NetworkTriple t) {
            double[] r = t.r();
            DMatrixRMaj g = Linalg.gram(new DMatrixRMaj(t.x()));
            DMatrixRMaj da = new DMatrixRMaj(t.dA()), db = new DMatrixRMaj(t.dB()), dc = new DMatrixRMaj(t.dC());
            // r^T B A^T r with B = D_B *_row X, A = D_A *_row X: B A^T = (D_B D_A^T) o XX^T.
            double bat = quadratic(Linalg.hadamard(mult(db, da), g), r), aat = quadratic(Linalg.hadamard(mult(da, da), g), r);
            double cct = quadratic(Linalg.hadamard(mult(dc, dc), g), r);
            double tol = Linalg.tolerance(Math.abs(bat) + aat + cct, r.length * t.dC()[0].length * t.x()[0].length);
            return Evidence.worst(
                    Evidence.ge("r^T J(W2,W1) J(W1)^T r >= ||J(W0)^T r||^2 / 2", bat, cct / 2, tol),
                    Evidence.le("||J(W1)^T r||^2 <= 1.5 ||J(W0)^T r||^2", aat, 1.5 * cct, tol));
        }
    }

    static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, b.numRows);
        CommonOps_DDRM.multTransB(a, b, out);
        return out;
    }

    static double quadratic(DMatrixRMaj m, double[] r) {
        return Linalg.dot(r, Linalg.multVec(m, r));
    }

    /**
     * The network instance of Lemma G.3: derivative matrices D = phi'(XW^T) diag(v) at W0 (C), W1 (A) and the segment
     * average from W1 to W2 (B), with alpha = sigma_min(J(W0))/2 and the distances ||A - C||, ||B - C||.
     */
    record NetworkTriple(double[][] x, double[][] dC, double[][] dA, double[][] dB, double[] r, double alpha, double distA, double distB) {}

    static NetworkTriple networkTriple(int n, int d, int k, double scale, String rKind, long seed) {
        Random rng = new Random(seed);
        double[][] x = overparam.data.Generators.sphere(n, d, rng.nextLong()).x();
        double[][] w0 = RandomMatrices.gaussian(k, d, rng);
        double[] v = ShallowNet.paperOutputWeights(k + (k & 1), Math.sqrt(n), n);
        v = java.util.Arrays.copyOf(v, k);
        double[][] w1 = plus(w0, scaledTo(RandomMatrices.gaussian(k, d, rng), scale)), w2 = plus(w0, scaledTo(RandomMatrices.gaussian(k, d, rng), scale));
        double[][] dC = new double[n][k], dA = new double[n][k], dB = new double[n][k];
        for (int i = 0; i < n; i++)
            for (int l = 0; l < k; l++) {
                double z0 = Linalg.dot(w0[l], x[i]), z1 = Linalg.dot(w1[l], x[i]), z2 = Linalg.dot(w2[l], x[i]);
                dC[i][l] = v[l] * (z0 >= 0 ? 1 : 0);
                dA[i][l] = v[l] * (z1 >= 0 ? 1 : 0);
                dB[i][l] = v[l] * reluAverage(z1, z2 - z1);
            }
        DMatrixRMaj g = Linalg.gram(new DMatrixRMaj(x));
        DMatrixRMaj c = new DMatrixRMaj(dC);
        double alpha = Math.sqrt(Math.max(0, Linalg.lambdaMin(Linalg.hadamard(Linalg.gram(c), g)))) / 2;
        double distA = Math.sqrt(Math.max(0, Linalg.lambdaMax(Linalg.hadamard(Linalg.gram(Linalg.minus(new DMatrixRMaj(dA), c)), g))));
        double distB = Math.sqrt(Math.max(0, Linalg.lambdaMax(Linalg.hadamard(Linalg.gram(Linalg.minus(new DMatrixRMaj(dB), c)), g))));
        double[] r;
        if (rKind.equals("bottom")) r = Linalg.symmetricEigen(Linalg.hadamard(Linalg.gram(c), g)).vector(0);
        else r = RandomMatrices.gaussianVector(n, rng);
        return new NetworkTriple(x, dC, dA, dB, r, alpha, distA, distB);
    }

    /** A toy map f(theta) = A theta + eps Bm psi(C theta), psi = relu or sin, with targets y, start theta0 and step factor. */
    record ToyMap(String psi, double[][] a, double[][] bm, double[][] c, double eps, double[] theta0, double[] y, double etaBar, int steps) {
        Model model() {
            return new Model(this);
        }
    }

    /** The toy map's matrices, built once. */
    static final class Model {
        final ToyMap m;
        final DMatrixRMaj a, bm, c;
        final boolean relu;
        final double normA, normBm, normC;

        Model(ToyMap m) {
            this.m = m;
            this.a = new DMatrixRMaj(m.a());
            this.bm = new DMatrixRMaj(m.bm());
            this.c = new DMatrixRMaj(m.c());
            this.relu = m.psi().equals("relu");
            this.normA = Linalg.spectralNorm(a);
            this.normBm = Linalg.spectralNorm(bm);
            this.normC = Linalg.spectralNorm(c);
        }

        double psi(double z) {
            return relu ? Math.max(0, z) : Math.sin(z);
        }

        double psiPrime(double z) {
            return relu ? (z >= 0 ? 1 : 0) : Math.cos(z);
        }

        double[] residual(double[] theta) {
            double[] at = Linalg.multVec(a, theta), ct = Linalg.multVec(c, theta);
            for (int q = 0; q < ct.length; q++) ct[q] = psi(ct[q]);
            double[] bs = Linalg.multVec(bm, ct);
            double[] r = new double[at.length];
            for (int i = 0; i < r.length; i++) r[i] = at[i] + m.eps() * bs[i] - m.y()[i];
            return r;
        }

        /** J(theta) = A + eps Bm diag(psi'(C theta)) C (generalised derivative relu'(0) = 1). */
        DMatrixRMaj jacobian(double[] theta) {
            double[] ct = Linalg.multVec(c, theta);
            DMatrixRMaj dc = c.copy();
            for (int q = 0; q < ct.length; q++) for (int j = 0; j < dc.numCols; j++) dc.set(q, j, dc.get(q, j) * psiPrime(ct[q]));
            DMatrixRMaj out = a.copy();
            CommonOps_DDRM.multAdd(m.eps(), bm, dc, out);
            return out;
        }

        /** sup_theta ||J(theta) - J(theta0)|| <= eps ||Bm|| ||diag(psi' - psi'_0)|| ||C||, with ||diag|| <= 1 (relu) or 2 (sin). */
        double perturbationBound() {
            return m.eps() * normBm * normC * (relu ? 1 : 2);
        }

        /** A3: sup ||J|| <= ||A|| + eps ||Bm|| ||C||. */
        double beta() {
            return normA + m.eps() * normBm * normC;
        }

        double alpha() {
            return Linalg.sigmaMin(jacobian(m.theta0())) / 2;
        }
    }

    /** oymak/lemma-G.4, Lemma G.4: under A2-A4 and eta <= 1/(3 beta^2), ||r_{t+1}|| <= ||r_t|| - (eta/4) ||J(theta0)^T r_t||^2 / ||r_t||. */
    static final class OneStepDecrease extends PropertyClaim {
        OneStepDecrease() {
            super("oymak/lemma-G.4");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<ToyMap> maps = Combinators.combine(Arbitraries.of("relu", "sin"), DataArbitraries.ints(1, 5), DataArbitraries.ints(0, 6),
                    DataArbitraries.ints(1, 8), Arbitraries.of(0.02, 0.1, 0.14), Arbitraries.of(0.3, 1.0), DataArbitraries.seeds())
                    .as((psi, n, extra, q, frac, etaBar, seed) -> {
                        Random rng = new Random(seed);
                        int pDim = n + extra;
                        double[][] a = RandomMatrices.gaussian(n, pDim, rng), bm = RandomMatrices.gaussian(n, q, rng), c = RandomMatrices.gaussian(q, pDim, rng);
                        double sig = Linalg.sigmaMin(new DMatrixRMaj(a));
                        double unit = Linalg.spectralNorm(new DMatrixRMaj(bm)) * Linalg.spectralNorm(new DMatrixRMaj(c)) * (psi.equals("relu") ? 1 : 2);
                        // ||J - J(theta0)|| <= frac sigma_min(A) and sigma_min(J(theta0)) >= (1 - frac) sigma_min(A): A4 holds for frac <= 1/7.
                        double eps = frac * sig / unit;
                        return new ToyMap(psi, a, bm, c, eps, RandomMatrices.gaussianVector(pDim, rng), RandomMatrices.gaussianVector(n, rng), etaBar, 150);
                    });
            return List.of(Property.of("gd-steps", ToyMap.class)
                    .description("GD with eta = etaBar/(3 beta^2) on f = A theta + eps Bm psi(C theta) (psi = relu or sin) with sup ||J - J(theta0)|| <= alpha/3 "
                            + "(A4 on all of R^p, so the iterates stay inside any R): the one-step decrease and the intermediate ||r_{t+1}||^2 <= ||r_t||^2 - (eta/2)||J(theta0)^T r_t||^2 at every step")
                    .generator("psi in {relu, sin}, A n x p (p >= n), Bm n x q, C q x p Gaussian, eps = frac sigma_min(A)/(||Bm|| ||C|| c_psi), frac in {0.02, 0.1, 0.14}, etaBar in {0.3, 1}, 150 steps", maps)
                    .hypotheses(OneStepDecrease::assumptions).check(OneStepDecrease::check).tries(80).build());
        }

        static String assumptions(ToyMap map) {
            Model m = map.model();
            double alpha = m.alpha();
            if (!(alpha > 0)) return "sigma_min(J(theta0)) = 0";
            return m.perturbationBound() <= alpha / 3 ? null : "sup ||J(theta) - J(theta0)|| may exceed alpha/3 (A4)";
        }

        static Evidence check(ToyMap map) {
            Model m = map.model();
            double beta = m.beta(), eta = map.etaBar() / (3 * beta * beta);
            DMatrixRMaj j0 = m.jacobian(map.theta0());
            double[] theta = map.theta0().clone();
            double[] r = m.residual(theta);
            double r0 = Linalg.norm(r);
            Evidence worst = null;
            for (int t = 0; t < map.steps(); t++) {
                double rn = Linalg.norm(r);
                if (rn <= 1e-9 * r0) break;
                double[] grad = Linalg.multTransVec(m.jacobian(theta), r);
                for (int q = 0; q < theta.length; q++) theta[q] -= eta * grad[q];
                double[] next = m.residual(theta);
                double nn = Linalg.norm(next);
                double[] j0r = Linalg.multTransVec(j0, r);
                double g2 = Linalg.dot(j0r, j0r);
                // rounding of r = A theta + eps Bm psi(C theta) - y scales with the size of its terms
                double tol = Linalg.tolerance(rn + beta * Linalg.norm(theta) + Linalg.norm(map.y()), theta.length * r.length);
                Evidence e = Evidence.worst(
                        Evidence.le("||r_{t+1}|| <= ||r_t|| - (eta/4)||J(theta0)^T r_t||^2/||r_t||", nn, rn - eta / 4 * g2 / rn, tol),
                        Evidence.le("||r_{t+1}||^2 <= ||r_t||^2 - (eta/2)||J(theta0)^T r_t||^2", nn * nn, rn * rn - eta / 2 * g2, 2 * tol * rn))
                        .with("step", t);
                if (worst == null || e.slack() < worst.slack()) worst = e;
                r = next;
            }
            return worst == null ? Evidence.fact("residual already zero", true) : worst;
        }
    }
}
