package overparam.claims.critical;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** critical/C-01, C-02: the gradient identity of section 1.2 and "Dir has full rank D". */
final class GradientClaims {
    private GradientClaims() {}

    /** Any machine: D in [1,8], M in [1,12], M' in [1,5], x' Gaussian scaled by 10^U[-2,2], NN_3 = v tanh(U z + b) + c, H in [1,4]. */
    static Arbitrary<Machine> anyShape() {
        return Combinators.combine(DataArbitraries.ints(1, 8), DataArbitraries.ints(1, 12), DataArbitraries.ints(1, 5), DataArbitraries.ints(1, 4),
                Arbitraries.doubles().between(-2, 2), Arbitraries.of(1.0, 0.1, 3.0), DataArbitraries.seeds()).as((d, m, mp, h, sx, sw, seed) -> {
            Random rng = new Random(seed);
            double f = Math.pow(10, sx);
            double[][] x = new double[m][d];
            for (double[] row : x) for (int j = 0; j < d; j++) row[j] = f * rng.nextGaussian();
            Stage3 nn3 = Stage3.tanhNet(mp, h, rng);
            return new Machine("any", x, Machines.weights(mp, m, sw / (f * Math.sqrt(m)), rng), nn3, Machines.targets(nn3, d, rng));
        });
    }

    /** Random directions V (M' x M), a pure function of the instance. */
    static double[][][] directions(Machine m) {
        Random rng = new Random(Arrays.deepHashCode(m.w()) * 31L + Arrays.hashCode(m.y()));
        double scale = 1 / Math.max(Linalg.frobenius(m.features()), Double.MIN_NORMAL); // so that V x' = O(1)
        double[][][] v = new double[3][m.mPrime()][m.m()];
        for (double[][] vi : v) for (double[] row : vi) for (int k = 0; k < row.length; k++) row[k] = scale * rng.nextGaussian();
        return v;
    }

    /** critical/C-01, section 1.2: grad Error(w) = 2 Dir . Loss. */
    static final class GradientIdentity extends PropertyClaim {
        GradientIdentity() {
            super("critical/C-01");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("identity", Machine.class).search(SearchSpace.coordinates())
                    .description("2 R x'^T == 2 Dir Loss (Dir column d = vec(g_d x'_d^T)) and both == 40-digit central differences (h = 1e-13, error "
                            + "estimated against 2h) of Error and of every NN_w(x_d) along a random direction")
                    .generator("D in [1,8], M in [1,12], M' in [1,5], x' ~ N(0,1) 10^U[-2,2], NN_3 = v tanh(Uz+b)+c, H in [1,4], w ~ N(0, s^2/(f^2 M))", anyShape())
                    .check(GradientClaims::identity).certify(GradientClaims::certifyIdentity).tries(30).build());
        }
    }

    static Evidence identity(Machine m) {
        Machine.Eval e = m.eval();
        DMatrixRMaj dir = e.dir();
        double[] dirLoss = Linalg.multVec(dir, e.res);
        int mm = m.m();
        double diff = 0;
        for (int j = 0; j < m.mPrime(); j++)
            for (int k = 0; k < mm; k++) diff = Math.max(diff, Math.abs(2 * dirLoss[j * mm + k] - e.grad[j][k]));
        double tol = 32 * Linalg.EPS * e.size() * Math.max(e.gradientScale(), Double.MIN_NORMAL);
        Evidence algebra = Evidence.eq("max |2 R x'^T - 2 Dir Loss|", diff, 0, tol);
        double[][] v = directions(m)[0];
        Hp.Fd fd = Hp.derivatives(ProofSteps.HP, g -> {
            Machine.HpEval h = m.outputs(ProofSteps.HP, v, g);
            Dfp[] out = new Dfp[m.dCount() + 1];
            out[0] = h.error;
            System.arraycopy(h.out, 0, out, 1, m.dCount());
            return out;
        });
        double analytic = 0, vn = 0;
        for (int j = 0; j < v.length; j++)
            for (int k = 0; k < mm; k++) {
                analytic += e.grad[j][k] * v[j][k];
                vn += v[j][k] * v[j][k];
            }
        vn = Math.sqrt(vn);
        double worstFd = Math.abs(analytic - fd.value()[0]);
        double tolFd = 32 * Linalg.EPS * e.size() * e.gradientScale() * vn + fd.error()[0];
        double[] vv = new double[v.length * mm];
        for (int j = 0; j < v.length; j++) System.arraycopy(v[j], 0, vv, j * mm, mm);
        double[] dOut = Linalg.multTransVec(dir, vv);
        double worstOut = 0, tolOut = 0;
        for (int d = 0; d < m.dCount(); d++) {
            worstOut = Math.max(worstOut, Math.abs(dOut[d] - fd.value()[d + 1]));
            tolOut = Math.max(tolOut, 32 * Linalg.EPS * e.size() * e.gScale(d) * Stage3.norm(m.column(d)) * vn + fd.error()[d + 1]);
        }
        return Evidence.worst(algebra,
                Evidence.eq("|<grad E, V> - dE(w + gV)/dg| (40-digit central difference)", worstFd, 0, tolFd),
                Evidence.eq("max |(Dir^T vec V)_d - dNN(x_d; w + gV)/dg|", worstOut, 0, tolOut));
    }

    /** Both sides in Dfp: the analytic <grad E, V> (2 R x'^T in 60 digits) against the 60-digit central difference. */
    static Certificate certifyIdentity(Machine m, Evidence ev) {
        HighPrecision hp = new HighPrecision(60);
        double[][] v = directions(m)[0];
        Hp.Fd fd = Hp.derivative(hp, g -> m.outputs(hp, v, g).error);
        Machine.HpEval he = m.eval(hp);
        Dfp analytic = hp.zero();
        for (int j = 0; j < v.length; j++)
            for (int k = 0; k < v[j].length; k++) analytic = analytic.add(he.grad[j][k].multiply(hp.of(v[j][k])));
        BigDecimal diff = Hp.big(analytic).subtract(BigDecimal.valueOf(fd.value()[0])).abs();
        return Certificate.of("Dfp 60 digits: analytic directional derivative vs central difference", hp.digits(), diff.negate(),
                BigDecimal.valueOf(fd.error()[0]).add(BigDecimal.valueOf(1e-15 * Math.abs(fd.value()[0]))), "<grad E, V> = " + analytic + ", dE/dg = " + fd.value()[0]);
    }

    /** critical/C-02, section 1.2: rank(Dir) = D gives Loss = 1/2 Dir^+ grad Error; [derived] sigma_min(Dir) >= q r. */
    static final class DirFullRank extends PropertyClaim {
        DirFullRank() {
            super("critical/C-02");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Machine> any = Machines.any(6, 0, 5);
            Arbitrary<Machine> narrow = Combinators.combine(DataArbitraries.ints(2, 4), DataArbitraries.seeds()).as((d, seed) -> {
                Random rng = new Random(seed);
                double[][] x = new double[1][d];
                for (int j = 0; j < d; j++) x[0][j] = (j + 1) * (0.5 + rng.nextDouble());
                Stage3 nn3 = Stage3.tanhNet(d + 1, 2 * d + 2, rng);
                return new Machine("M<D, M'>=D", x, Machines.weights(d + 1, 1, 1.0, rng), nn3, Machines.targets(nn3, d, rng));
            });
            Arbitrary<Machine> equalColumns = Combinators.combine(DataArbitraries.ints(2, 5), DataArbitraries.ints(1, 6), DataArbitraries.seeds())
                    .as((d, m, seed) -> {
                        Random rng = new Random(seed);
                        double[] c = new double[m];
                        for (int k = 0; k < m; k++) c[k] = rng.nextGaussian();
                        double[][] x = new double[m][d];
                        for (int k = 0; k < m; k++) Arrays.fill(x[k], c[k]);
                        Stage3 nn3 = Stage3.tanhNet(d + 1, 3, rng);
                        return new Machine("equal-columns", x, Machines.weights(d + 1, m, 1.0, rng), nn3, Machines.targets(nn3, d, rng));
                    });
            Arbitrary<Machine> dead = Combinators.combine(DataArbitraries.ints(2, 6), DataArbitraries.ints(0, 3), DataArbitraries.seeds())
                    .as((d, e, seed) -> Machines.deadRelu(d, d + e, seed));
            Arbitrary<Machine> deficient = Combinators.combine(DataArbitraries.ints(2, 6), DataArbitraries.seeds()).as((d, seed) -> {
                Machine m = Machines.machineC(d, d - 1, 1.0, seed);
                return m;
            });
            return List.of(
                    Property.of("recover-loss", Machine.class).search(SearchSpace.coordinates())
                            .description("rank(Dir) = D and cond(Dir) <= 1e8: 1/2 Dir^+ grad Error == Loss (Dir^-1 read as the pseudo-inverse)")
                            .generator("machines A/B/C/R, D in [1,6], M = D + [0,5], M' in [1,4]", any)
                            .hypotheses(GradientClaims::dirWellConditioned).check(GradientClaims::recoverLoss).tries(80).build(),
                    Property.of("schur-bound", Machine.class).search(SearchSpace.coordinates())
                            .description("[derived] Dir^T Dir = (x'^T x') o (G^T G) and sigma_min(Dir) >= q r (Schur)")
                            .generator("machines A/B/C/R, D in [1,6], M = D + [0,5], M' in [1,4]", any)
                            .hypotheses(m -> m.m() >= m.dCount() ? null : "M < D")
                            .check(GradientClaims::schur).certify(GradientClaims::certifySchur).tries(80).build(),
                    Property.of("control-dead-relu", Machine.class)
                            .description("FAIL (c): g_d = 0 (relu NN_3 with z_d < 0): rank(Dir) < D and 1/2 Dir^+ grad Error != Loss")
                            .generator("dead ReLU machine, D in [2,6]", dead).check(GradientClaims::recoverLoss).expectRefuted().tries(5).build(),
                    Property.of("control-rank-deficient-features", Machine.class)
                            .description("FAIL (c): x' rank-deficient (machine C with M = D - 1, identity NN_3): Loss is not recovered")
                            .generator("machine C, D in [2,6], M = D - 1", deficient).check(GradientClaims::recoverLoss).expectRefuted().tries(5).build(),
                    Property.of("not-necessary-M<D", Machine.class)
                            .informative()
                            .description("(d) rank(Dir) = D is possible with rank(x') < D: M = 1, M' = D + 1, distinct x'_d; R1 is sufficient, not necessary")
                            .generator("x' = 1 x D with distinct entries, NN_3 tanh net with M' = D + 1", narrow)
                            .check(m -> Evidence.fact("rank(Dir) == D while rank(x') = " + Linalg.rank(m.features()), Linalg.rank(m.eval().dir()) == m.dCount()))
                            .tries(20).build(),
                    Property.of("catalogue-example-equal-columns", Machine.class)
                            .informative()
                            .description("the catalogue's (d) example 'all x'_d equal, G orthonormal' cannot occur in the model: equal x'_d give equal z_d "
                                    + "and equal g_d, so rank(Dir) <= 1")
                            .generator("all columns of x' equal, M' = D + 1", equalColumns)
                            .check(m -> Evidence.le("rank(Dir) with all x'_d equal", Linalg.rank(m.eval().dir()), 1, 0)).tries(20).build());
        }
    }

    static String dirWellConditioned(Machine m) {
        DMatrixRMaj dir = m.eval().dir();
        if (dir.numRows < dir.numCols) return "P < D";
        double[] s = Linalg.singularValues(dir);
        return s[s.length - 1] > 1e-8 * s[0] ? null : "rank(Dir) < D or cond(Dir) > 1e8";
    }

    static Evidence recoverLoss(Machine m) {
        Machine.Eval e = m.eval();
        DMatrixRMaj dir = e.dir();
        double[] grad = new double[dir.numRows];
        for (int j = 0; j < m.mPrime(); j++) System.arraycopy(e.grad[j], 0, grad, j * m.m(), m.m());
        double[] loss = Linalg.multVec(Linalg.pinv(dir), grad);
        double diff = 0, ln = 0;
        for (int d = 0; d < loss.length; d++) {
            diff = Math.max(diff, Math.abs(0.5 * loss[d] - e.res[d]));
            ln += e.res[d] * e.res[d];
        }
        double[] s = Linalg.singularValues(dir);
        int rank = Linalg.rank(dir);
        double cond = rank == 0 ? 1 : s[0] / s[rank - 1];
        return Evidence.eq("max_d |1/2 (Dir^+ grad Error)_d - Loss_d|", diff, 0, 64 * Linalg.EPS * e.size() * cond * Math.sqrt(ln))
                .with("rank(Dir)", rank).with("cond(Dir)", cond);
    }

    static Evidence schur(Machine m) {
        Machine.Eval e = m.eval();
        DMatrixRMaj dir = e.dir(), x = m.features();
        DMatrixRMaj g = new DMatrixRMaj(e.g); // D x M'
        DMatrixRMaj had = Linalg.hadamard(Linalg.mult(Linalg.transpose(x), x), Linalg.mult(g, Linalg.transpose(g)));
        DMatrixRMaj gram = Linalg.mult(Linalg.transpose(dir), dir);
        double tol = Linalg.psdTolerance(gram) * 4 + 32 * Double.MIN_VALUE * gram.numRows * dir.numRows; // gradual underflow of saturated Dir entries
        double sMin = Linalg.scalingFactor(dir), qr = e.q * m.r();
        return Evidence.worst(
                Evidence.eq("||Dir^T Dir - (x'^T x') o (G^T G)||_F", Linalg.frobenius(Linalg.minus(gram, had)), 0, tol),
                Evidence.ge("sigma_min(Dir) >= q r", sMin * sMin, qr * qr, tol).with("sigma_min(Dir)", sMin).with("q r", qr));
    }

    static Certificate certifySchur(Machine m, Evidence ev) {
        HighPrecision hp = new HighPrecision(60);
        Machine.HpEval he = m.eval(hp);
        Dfp[][] dir = hp.transpose(hp.of(m.eval().dir()));
        Dfp lmin = hp.lambdaMin(hp.gram(dir));
        Dfp r = m.r(hp);
        Dfp qr = he.q.multiply(r);
        return Certificate.of("Dfp 60 digits (inertia bisection), Dir entries from double", hp.digits(), Hp.big(lmin.subtract(qr.multiply(qr))),
                new BigDecimal("1e-40"), "lambda_min(Dir^T Dir) = " + lmin + ", (q r)^2 = " + qr.multiply(qr));
    }
}
