package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import overparam.data.DataArbitraries;
import overparam.data.RandomMatrices;
import overparam.linalg.Linalg;
import overparam.nn.LeastSquaresModel;

import java.util.Random;

/**
 * Toy least-squares maps whose Jacobian constants are known in closed form (oymak Thm 6.10, Cor 6.11, Thm 6.13):
 * the smooth f(theta) = A theta + eps sin(C theta) and the piecewise-linear f(theta) = A theta + eps B relu(C theta).
 * A is n x p with p >= n (wide), so sigma_min(A) > 0 almost surely.
 */
final class ToyMaps {
    private ToyMaps() {}

    /** f(theta) = A theta + eps sin(C theta), C n x p; J = A + eps diag(cos(C theta)) C. eps = 0 is the linear case. */
    record SineToy(double[][] a, double[][] c, double eps, double[] y, double[] theta0) {
        int n() {
            return a.length;
        }

        int p() {
            return a[0].length;
        }

        LeastSquaresModel model() {
            DMatrixRMaj am = new DMatrixRMaj(a), cm = new DMatrixRMaj(c);
            return new LeastSquaresModel() {
                public int parameterCount() {
                    return p();
                }

                public int sampleCount() {
                    return n();
                }

                public double[] residual(double[] theta) {
                    double[] f = Linalg.multVec(am, theta), ct = Linalg.multVec(cm, theta);
                    for (int i = 0; i < f.length; i++) f[i] += eps * Math.sin(ct[i]) - y[i];
                    return f;
                }

                public double[] gradient(double[] theta, double[] r) {
                    double[] g = Linalg.multTransVec(am, r), ct = Linalg.multVec(cm, theta);
                    double[] w = new double[r.length];
                    for (int i = 0; i < r.length; i++) w[i] = eps * Math.cos(ct[i]) * r[i];
                    double[] h = Linalg.multTransVec(cm, w);
                    for (int j = 0; j < g.length; j++) g[j] += h[j];
                    return g;
                }

                public DMatrixRMaj jacobian(double[] theta) {
                    double[] ct = Linalg.multVec(cm, theta);
                    DMatrixRMaj j = am.copy();
                    for (int i = 0; i < n(); i++)
                        for (int q = 0; q < p(); q++) j.add(i, q, eps * Math.cos(ct[i]) * cm.get(i, q));
                    return j;
                }
            };
        }

        /** Certified global constants: alpha <= sigma_min(J), ||J|| <= beta, Lipschitz L (rounding of the SVDs subtracted). */
        Constants constants() {
            DMatrixRMaj am = new DMatrixRMaj(a), cm = new DMatrixRMaj(c);
            double sA = Linalg.sigmaMin(am), nA = Linalg.spectralNorm(am), nC = Linalg.spectralNorm(cm), rowC = 0;
            for (double[] row : c) rowC = Math.max(rowC, Linalg.norm(row));
            double round = Linalg.tolerance(nA + eps * nC, n() + p());
            return new Constants(sA - eps * nC - round, nA + eps * nC + round, eps * nC * rowC * (1 + 1e-12));
        }
    }

    record Constants(double alpha, double beta, double lipschitz) {}

    /**
     * f(theta) = A theta + eps B relu(C theta), B n x m, C m x p: piecewise linear, generalised Jacobian
     * J = A + eps B diag(1{C theta >= 0}) C, so ||J(theta) - J(theta0)|| <= eps ||B|| ||C|| for all theta.
     */
    record ReluToy(double[][] a, double[][] b, double[][] c, double eps, double[] y, double[] theta0) {
        int n() {
            return a.length;
        }

        int p() {
            return a[0].length;
        }

        int m() {
            return c.length;
        }

        boolean[] pattern(double[] theta) {
            double[] z = Linalg.multVec(new DMatrixRMaj(c), theta);
            boolean[] on = new boolean[z.length];
            for (int i = 0; i < z.length; i++) on[i] = z[i] >= 0;
            return on;
        }

        DMatrixRMaj jacobian(boolean[] on) {
            DMatrixRMaj j = new DMatrixRMaj(a);
            for (int i = 0; i < n(); i++)
                for (int l = 0; l < m(); l++) {
                    if (!on[l]) continue;
                    double s = eps * b[i][l];
                    for (int q = 0; q < p(); q++) j.add(i, q, s * c[l][q]);
                }
            return j;
        }

        LeastSquaresModel model() {
            DMatrixRMaj am = new DMatrixRMaj(a), bm = new DMatrixRMaj(b), cm = new DMatrixRMaj(c);
            return new LeastSquaresModel() {
                public int parameterCount() {
                    return p();
                }

                public int sampleCount() {
                    return n();
                }

                public double[] residual(double[] theta) {
                    double[] z = Linalg.multVec(cm, theta);
                    for (int l = 0; l < z.length; l++) z[l] = z[l] > 0 ? z[l] : 0;
                    double[] f = Linalg.multVec(am, theta), h = Linalg.multVec(bm, z);
                    for (int i = 0; i < f.length; i++) f[i] += eps * h[i] - y[i];
                    return f;
                }

                public double[] gradient(double[] theta, double[] r) {
                    return Linalg.multTransVec(ReluToy.this.jacobian(pattern(theta)), r);
                }

                public DMatrixRMaj jacobian(double[] theta) {
                    return ReluToy.this.jacobian(pattern(theta));
                }
            };
        }
    }

    static Arbitrary<Integer> sizes(int max) {
        return DataArbitraries.ints(1, max);
    }

    /** Sine toys: n in [1, nMax], p in [n, n + extra], eps = u sigma_min(A)/||C|| with u from {@code fractions}. */
    static Arbitrary<SineToy> sineToys(int nMax, int extra, Double... fractions) {
        return Combinators.combine(sizes(nMax), DataArbitraries.ints(0, extra), Arbitraries.of(fractions), Arbitraries.of(1.0, 3.0),
                DataArbitraries.seeds()).as((n, e, u, cScale, seed) -> sineToy(n, n + e, u, cScale, seed));
    }

    static SineToy sineToy(int n, int p, double u, double cScale, long seed) {
        Random rng = new Random(seed);
        double[][] a = RandomMatrices.gaussian(n, p, rng), c = RandomMatrices.gaussian(n, p, rng);
        for (double[] row : c) for (int q = 0; q < p; q++) row[q] *= cScale;
        double sA = Linalg.sigmaMin(new DMatrixRMaj(a)), nC = Linalg.spectralNorm(new DMatrixRMaj(c));
        double[] y = RandomMatrices.gaussianVector(n, rng), theta0 = RandomMatrices.gaussianVector(p, rng);
        for (int q = 0; q < p; q++) theta0[q] /= Math.sqrt(p);
        return new SineToy(a, c, u * sA / nC, y, theta0);
    }

    /**
     * Sine toys meeting Cor 6.11: eps = u alpha0^2/(4 L1 R0) with alpha0 = sigma_min(A)/2, L1 = ||C|| max_i ||c_i|| and
     * R0 a bound on ||r0||, so that (6.13) alpha^2/(4L) >= ||r0|| holds unless eps moves sigma_min(J(theta0)) too much.
     */
    static Arbitrary<SineToy> corollaryToys(int nMax, int extra) {
        return Combinators.combine(sizes(nMax), DataArbitraries.ints(0, extra), Arbitraries.of(0.3, 0.6, 0.9), DataArbitraries.seeds())
                .as((n, e, u, seed) -> {
                    SineToy t = sineToy(n, n + e, 0, 1.0, seed);
                    DMatrixRMaj am = new DMatrixRMaj(t.a()), cm = new DMatrixRMaj(t.c());
                    double alpha0 = Linalg.sigmaMin(am) / 2, rowC = 0;
                    for (double[] row : t.c()) rowC = Math.max(rowC, Linalg.norm(row));
                    double[] r0 = t.model().residual(t.theta0());
                    double bound = Linalg.norm(r0) + Math.sqrt(n);
                    double eps = u * alpha0 * alpha0 / (4 * Linalg.spectralNorm(cm) * rowC * bound);
                    return new SineToy(t.a(), t.c(), eps, t.y(), t.theta0());
                });
    }

    /** ReLU toys: A n x p (p >= n), B n x m, C m x p, eps = u (alpha/3)/(||B|| ||C||) with alpha = sigma_min(J(theta0))/2 estimated at eps = 0. */
    static Arbitrary<ReluToy> reluToys(int nMax, int extra, int mMax, Double... fractions) {
        return Combinators.combine(sizes(nMax), DataArbitraries.ints(0, extra), sizes(mMax), Arbitraries.of(fractions), DataArbitraries.seeds())
                .as((n, e, m, u, seed) -> {
                    int p = n + e;
                    Random rng = new Random(seed);
                    double[][] a = RandomMatrices.gaussian(n, p, rng), b = RandomMatrices.gaussian(n, m, rng), c = RandomMatrices.gaussian(m, p, rng);
                    double[] y = RandomMatrices.gaussianVector(n, rng), theta0 = RandomMatrices.gaussianVector(p, rng);
                    double alpha = Linalg.sigmaMin(new DMatrixRMaj(a)) / 2;
                    double bc = Linalg.spectralNorm(new DMatrixRMaj(b)) * Linalg.spectralNorm(new DMatrixRMaj(c));
                    // alpha of the nonlinear map is sigma_min(J(theta0))/2 >= alpha - eps||B|| ||C||/2, so u < 1 leaves room
                    return new ReluToy(a, b, c, u * (alpha / 3) / bc / (1 + u / 6), y, theta0);
                });
    }
}
