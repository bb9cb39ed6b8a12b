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
import java.util.List;
import java.util.Random;

/** critical/C-08.1 .. C-08.6 (the steps of the proof of Theorem 1, section 2.3) and C-12 (the outline, section 2.2). */
final class ProofSteps {
    private ProofSteps() {}

    /** 40 digits, steps 1e-13 and 2e-13: central differences good to ~1e-23 (rounding) and ~1e-26 times the third derivative. */
    static final HighPrecision HP = new HighPrecision(40);

    /** Machines of every kind (D <= 4, M = D + [0,4]); the properties keep those meeting R1 and R3. */
    static Arbitrary<Machine> machines() {
        return Machines.any(4, 0, 4);
    }

    static final String GEN = "machines A/B/C/R (section 5.1), D in [1,4], M = D + [0,4], M' in [1,4], NN_3 width in [1,6], w scales {0.01, 1, 50}";

    /** Row d of x'^+ (so that row_d(x'^+) x' = e_d^T when x' has full column rank). */
    static double[] pinvRow(Machine m, int d) {
        DMatrixRMaj p = Linalg.pinv(m.features());
        double[] row = new double[p.numCols];
        for (int k = 0; k < row.length; k++) row[k] = p.get(d, k);
        return row;
    }

    /** The min-norm isolating direction Dw_d = Dz e_d^T x'^+ (M' x M). */
    static double[][] isolating(Machine m, int d, double[] dz) {
        double[] row = pinvRow(m, d);
        double[][] w = new double[dz.length][row.length];
        for (int j = 0; j < dz.length; j++) for (int k = 0; k < row.length; k++) w[j][k] = dz[j] * row[k];
        return w;
    }

    /** The unit steepest-ascent direction g_d / |g_d| of step 1. */
    static double[] ascent(Machine.Eval e, int d) {
        double[] u = e.g[d].clone();
        for (int j = 0; j < u.length; j++) u[j] /= e.gNorm[d];
        return u;
    }

    /** Central differences of Error and of every output along V at w: {dError, dOut_1..D}, with error bounds. */
    static Hp.Fd derivatives(Machine m, double[][] v) {
        return derivatives(m, v, HP);
    }

    static Hp.Fd derivatives(Machine m, double[][] v, HighPrecision hp) {
        return Hp.derivatives(hp, g -> {
            Machine.HpEval h = m.outputs(hp, v, g);
            Dfp[] out = new Dfp[m.dCount() + 1];
            out[0] = h.error;
            System.arraycopy(h.out, 0, out, 1, m.dCount());
            return out;
        });
    }

    /** The worst of one evidence per training point d (tagged with d). */
    static Evidence worstOverD(Machine m, java.util.function.IntFunction<Evidence> perD) {
        Evidence worst = null;
        for (int d = 0; d < m.dCount(); d++) {
            Evidence ev = perD.apply(d).with("d", d);
            if (worst == null || ev.slack() < worst.slack()) worst = ev;
        }
        return worst;
    }

    /**
     * Step 4 at one d: the 40-digit central difference of Error along the min-norm isolating Dw_d (Dz_d = g_d/|g_d|) against
     * 2 res_d |g_d|. Rounding: Dw_d is computed in double (relative error ~ cond(x') eps, |Dw_d| <= 1/r) and meets grad E.
     */
    static Evidence errorSlope(Machine m, Machine.Eval e, int d) {
        Hp.Fd der = derivatives(m, isolating(m, d, ascent(e, d)));
        double exact = 2 * e.res[d] * e.gNorm[d];
        double c = 32 * Linalg.EPS * e.size();
        double tol = condEps(m) * (e.gradientScale() + Math.abs(exact)) / m.r() + 2 * c * (Math.abs(e.res[d]) * e.gScale(d) + e.resScale(d) * e.gNorm[d])
                + der.error()[0];
        return Evidence.eq("dError/dgamma along Dw_d == 2 res_d |g_d|", der.value()[0], exact, tol);
    }

    static double frob(double[][] a) {
        return Linalg.frobenius(Linalg.of(a));
    }

    static double condEps(Machine m) {
        return 64 * Linalg.EPS * m.m() * m.dCount() * m.mPrime() * TheoremClaims.effectiveCond(m.features());
    }

    // ------------------------------------------------------------------------------------------------ C-08.1

    /** critical/C-08.1: along Dz_d = g_d/|g_d|, dNN_3(z_d + gamma Dz_d)/dgamma at 0 equals |g_d| >= q. */
    static final class StepOne extends PropertyClaim {
        StepOne() {
            super("critical/C-08.1");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("steepest-ascent-slope", Machine.class).search(SearchSpace.coordinates())
                    .description("40-digit central difference of NN_3 along g_d/|g_d| equals |g_d| (>= q by the definition of q), for every d")
                    .generator(GEN, machines()).hypotheses(TheoremClaims::r1r3)
                    .check(m -> {
                        Machine.Eval e = m.eval();
                        return worstOverD(m, d -> {
                            double[] u = ascent(e, d), z = e.z[d];
                            Hp.Fd fdr = Hp.derivative(HP, g -> {
                                Dfp[] zz = new Dfp[u.length];
                                for (int j = 0; j < u.length; j++) zz[j] = HP.of(z[j]).add(g.multiply(HP.of(u[j])));
                                return m.nn3().value(HP, zz);
                            });
                            // z_d is exact here (the difference runs from the double z_d): only g_d's own rounding counts
                            double tol = 64 * Linalg.EPS * Math.max(1, m.nn3().width()) * m.mPrime() * m.nn3().gradientMagnitude(z) + fdr.error()[0];
                            return Evidence.eq("d/dgamma NN_3(z_d + gamma g_d/|g_d|) == |g_d| (>= q = min_d |g_d|)", fdr.value()[0], e.gNorm[d], tol).with("q", e.q);
                        });
                    }).tries(60).build());
        }
    }

    // ------------------------------------------------------------------------------------------------ C-08.2

    /** critical/C-08.2: Dw_d = Dz_d e_d^T x'^+ changes z_d by gamma Dz_d and leaves every other z_d' and output unchanged. */
    static final class StepTwo extends PropertyClaim {
        StepTwo() {
            super("critical/C-08.2");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("isolating-direction", Machine.class).search(SearchSpace.coordinates())
                    .description("Dw_d x'_d == Dz_d, Dw_d x'_d' == 0 (d' != d) for every d, and dNN_w(x_d')/dgamma == 0 along Dw_d for one d (40-digit central difference)")
                    .generator(GEN, machines()).hypotheses(TheoremClaims::r1r3).check(ProofSteps::isolation).tries(50).build());
        }
    }

    static Evidence isolation(Machine m) {
        Machine.Eval e = m.eval();
        double own = 0, others = 0, dOthers = 0, tolD = 0;
        int fdPoint = Math.floorMod(java.util.Arrays.hashCode(m.y()), m.dCount()); // one d gets the (costly) high-precision check
        for (int d = 0; d < m.dCount(); d++) {
            double[] dz = ascent(e, d);
            double[][] dw = isolating(m, d, dz);
            DMatrixRMaj prod = Linalg.mult(Linalg.of(dw), m.features());
            for (int c = 0; c < m.dCount(); c++)
                for (int j = 0; j < dz.length; j++) {
                    double target = c == d ? dz[j] : 0;
                    double diff = Math.abs(prod.get(j, c) - target);
                    if (c == d) own = Math.max(own, diff);
                    else others = Math.max(others, diff);
                }
            if (d != fdPoint) continue;
            Hp.Fd der = derivatives(m, dw);
            for (int c = 0; c < m.dCount(); c++) {
                if (c == d) continue;
                dOthers = Math.max(dOthers, Math.abs(der.value()[c + 1]));
                tolD = Math.max(tolD, condEps(m) * e.gNorm[c] + der.error()[c + 1]);
            }
        }
        double tol = condEps(m);
        return Evidence.worst(Evidence.eq("max |(Dw_d x')_d - Dz_d|", own, 0, tol), Evidence.eq("max |(Dw_d x')_d'| (d' != d)", others, 0, tol),
                Evidence.eq("max |dNN_w(x_d')/dgamma| along Dw_d (d' != d)", dOthers, 0, tolD));
    }

    // ------------------------------------------------------------------------------------------------ C-08.3

    /** Dw x' = Dz e_d^T solved by one solver: "min-norm", "lemma2-zero" or "lemma2-random" (w_B from the seed). */
    public record Solve(double[][] xp, int d, double[] dz, String solver, long seed) {}

    static double[][] solve(Solve s) {
        int m = s.xp().length, dn = s.xp()[0].length;
        double[][] target = new double[s.dz().length][dn];
        for (int j = 0; j < s.dz().length; j++) target[j][s.d()] = s.dz()[j];
        if (s.solver().equals("min-norm")) return Linalg.toArray(Linalg.mult(Linalg.of(target), Linalg.pinv(Linalg.of(s.xp()))));
        MatrixClaims.LinearSystem sys = new MatrixClaims.LinearSystem("step-3", s.xp(), target, s.solver().equals("lemma2-random"), s.seed());
        return (double[][]) MatrixClaims.lemma2(sys, MatrixClaims.pivotRows(s.xp(), dn))[0];
    }

    static Arbitrary<Solve> solves(int extraMin, int extraMax, String... solvers) {
        return Combinators.combine(Arbitraries.of("gaussian", "prescribed", "tanh-layer"), DataArbitraries.ints(1, 6), DataArbitraries.ints(extraMin, extraMax),
                DataArbitraries.ints(1, 4), Arbitraries.of(solvers), DataArbitraries.seeds()).as((k, dn, e, mp, solver, seed) -> {
            Random rng = new Random(seed);
            double[] dz = overparam.data.Generators.unitGaussian(rng, mp);
            return new Solve(MatrixClaims.family(k, dn + e, dn, seed), rng.nextInt(dn), dz, solver, seed);
        });
    }

    static Evidence normBound(Solve s) {
        double[][] dw = solve(s);
        DMatrixRMaj x = Linalg.of(s.xp());
        double r = Linalg.scalingFactor(x);
        double cond = Linalg.spectralNorm(x) / r;
        double[][] prod = Linalg.toArray(Linalg.mult(Linalg.of(dw), x));
        double res = 0;
        for (int j = 0; j < prod.length; j++) for (int c = 0; c < prod[j].length; c++) res = Math.max(res, Math.abs(prod[j][c] - (c == s.d() ? s.dz()[j] : 0)));
        int size = s.xp().length * s.xp()[0].length * s.dz().length;
        return Evidence.le("|Dw_d|_F <= 1/r (" + s.solver() + ")", frob(dw), 1 / r, 64 * Linalg.EPS * size * cond / r)
                .with("solution residual max|Dw x' - Dz e_d^T|", res).with("M", s.xp().length).with("D", s.xp()[0].length).with("r", r);
    }

    /** Lemma 2's solution recomputed in Dfp (exact up to 60 digits) against 1/r with r from inertia bisection. */
    static Certificate certifyNorm(Solve s, Evidence e) {
        HighPrecision hp = new HighPrecision(60);
        int m = s.xp().length, dn = s.xp()[0].length, mp = s.dz().length;
        int[] rows = MatrixClaims.pivotRows(s.xp(), dn);
        boolean[] inA = new boolean[m];
        for (int i : rows) inA[i] = true;
        double[][] wb = new double[mp][m];
        if (s.solver().equals("lemma2-random")) {
            Random rng = new Random(s.seed());
            for (double[] row : wb) for (int k = 0; k < m; k++) if (!inA[k]) row[k] = rng.nextGaussian();
        }
        Dfp[][] x = hp.of(s.xp());
        Dfp[][] xa = new Dfp[dn][];
        for (int a = 0; a < dn; a++) xa[a] = x[rows[a]];
        Dfp[][] inv = Hp.inverse(hp, xa);
        Dfp norm2 = hp.zero();
        for (int j = 0; j < mp; j++) {
            Dfp[] rhs = new Dfp[dn];
            for (int c = 0; c < dn; c++) {
                Dfp t = c == s.d() ? hp.of(s.dz()[j]) : hp.zero();
                for (int k = 0; k < m; k++) if (!inA[k]) t = t.subtract(hp.of(wb[j][k]).multiply(x[k][c]));
                rhs[c] = t;
            }
            for (int a = 0; a < dn; a++) {
                Dfp wa = hp.zero();
                for (int c = 0; c < dn; c++) wa = wa.add(rhs[c].multiply(inv[c][a]));
                norm2 = norm2.add(wa.multiply(wa));
            }
            for (int k = 0; k < m; k++) if (!inA[k]) norm2 = norm2.add(hp.of(wb[j][k] * wb[j][k]));
        }
        Dfp lmin = hp.lambdaMin(hp.gram(hp.transpose(x)));
        // |Dw|^2 <= 1/r^2  <=>  1 - r^2 |Dw|^2 >= 0
        Dfp margin = hp.one().subtract(lmin.multiply(norm2));
        return Certificate.of("Dfp 60 digits: Lemma 2 solution via Gauss-Jordan inverse of x_A, r^2 = lambda_min(x'^T x') by inertia bisection",
                hp.digits(), Hp.big(margin), new BigDecimal("1e-40"), "|Dw|^2 = " + norm2 + ", 1/r^2 = " + hp.one().divide(lmin));
    }

    /** critical/C-08.3: 'any matrix Dw_d with Dw_d x' = Dz_d has |Dw_d| <= 1/r' (Lemma 1 applied with x' on the right). */
    static final class StepThree extends PropertyClaim {
        StepThree() {
            super("critical/C-08.3");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            String gen = "x' from {gaussian, prescribed, tanh-layer}, D in [1,6], M' in [1,4], unit Dz_d";
            return List.of(
                    Property.of("every-solution", Solve.class)
                            .description("the statement quantifies over every solution: min-norm, Lemma 2 with w_B = 0, Lemma 2 with random w_B")
                            .generator(gen + ", M = D + [0,4], solver in {min-norm, lemma2-zero, lemma2-random}",
                                    solves(0, 4, "min-norm", "lemma2-zero", "lemma2-random"))
                            .check(ProofSteps::normBound).certify(ProofSteps::certifyNorm).tries(60).build(),
                    Property.of("min-norm-solution", Solve.class)
                            .informative()
                            .description("the proof only needs one solution: Dz_d e_d^T x'^+ has norm |row_d(x'^+)| <= 1/r")
                            .generator(gen + ", M = D + [0,4], min-norm", solves(0, 4, "min-norm")).check(ProofSteps::normBound).tries(60).build(),
                    Property.of("square-case", Solve.class)
                            .informative()
                            .description("M = D: the solution is unique and the bound holds")
                            .generator(gen + ", M = D, all solvers", solves(0, 0, "min-norm", "lemma2-zero", "lemma2-random"))
                            .check(ProofSteps::normBound).tries(60).build());
        }
    }

    // ------------------------------------------------------------------------------------------------ C-08.4

    /** critical/C-08.4: |dError(w + gamma Dw_d)/dgamma| at 0 equals |2 res_d |g_d|| >= 2 q |res_d|. */
    static final class StepFour extends PropertyClaim {
        StepFour() {
            super("critical/C-08.4");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("error-derivative", Machine.class).search(SearchSpace.coordinates())
                    .description("40-digit central difference of Error along the isolating Dw_d == 2 res_d |g_d|, and |.| >= 2 q |res_d|, every d")
                    .generator(GEN, machines()).hypotheses(TheoremClaims::r1r3).check(m -> {
                        Machine.Eval e = m.eval();
                        return worstOverD(m, d -> {
                            Evidence slope = errorSlope(m, e, d);
                            return Evidence.worst(slope, Evidence.ge("|dError/dgamma| >= 2 q |res_d|", Math.abs(slope.lhs()), 2 * e.q * Math.abs(e.res[d]),
                                    slope.tolerance()));
                        });
                    }).tries(40).build());
        }
    }

    // ------------------------------------------------------------------------------------------------ C-08.5 / C-08.6

    /** |grad E . Dw| <= |grad E| |Dw| <= eps / r for one solution Dw of Dw x' = Dz_d e_d^T (Dz_d = g_d/|g_d|). */
    static Evidence upperBound(Machine m, String solver) {
        Machine.Eval e = m.eval();
        double r = m.r();
        return worstOverD(m, d -> {
            double[][] dw = solver.equals("min-norm") ? isolating(m, d, ascent(e, d))
                    : solve(new Solve(m.xp(), d, ascent(e, d), solver, 17L * d + 1));
            double dot = 0;
            for (int j = 0; j < dw.length; j++) for (int k = 0; k < dw[j].length; k++) dot += e.grad[j][k] * dw[j][k];
            double n = frob(dw);
            double tol = condEps(m) * e.gradientScale() * n;
            return Evidence.worst(Evidence.le("|grad E . Dw_d| <= |grad E| |Dw_d|", Math.abs(dot), e.eps * n, tol),
                    Evidence.le("|grad E| |Dw_d| <= eps / r", e.eps * n, e.eps / r, tol + condEps(m) * e.eps / r)).with("solver", solver);
        });
    }

    /** critical/C-08.5: |grad Error . Dw_d| <= |grad Error| |Dw_d| <= eps / r. */
    static final class StepFive extends PropertyClaim {
        StepFive() {
            super("critical/C-08.5");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Machine> wide = Combinators.combine(Arbitraries.of("A", "R"), DataArbitraries.ints(1, 5), DataArbitraries.ints(2, 5), DataArbitraries.ints(1, 3),
                    DataArbitraries.seeds()).as((k, d, e, mp, seed) -> Machines.build(k, d, d + e, mp, 2, "tanh-net", 1.0, seed));
            return List.of(
                    Property.of("cauchy-schwarz-and-step-3", Machine.class).search(SearchSpace.coordinates())
                            .description("with Dw_d as in steps 2-3 (min-norm Dz_d e_d^T x'^+): Cauchy-Schwarz, then |Dw_d| <= 1/r")
                            .generator(GEN, machines()).hypotheses(TheoremClaims::r1r3).check(m -> upperBound(m, "min-norm")).tries(60).build(),
                    Property.of("control-lemma2-random-solution", Machine.class)
                            .description("FAIL: with another solution of Dw x' = Dz_d (Lemma 2, random w_B; M > D) |grad E| |Dw_d| <= eps/r fails")
                            .generator("machines A/R with M = D + [2,5]", wide).hypotheses(TheoremClaims::r1r3)
                            .check(m -> upperBound(m, "lemma2-random")).expectRefuted().tries(10).build());
        }
    }

    /** critical/C-08.6: eps/r >= |dError/dgamma| >= 2 q |res_d| for every d, which is Theorem 1 part 2. */
    static final class StepSix extends PropertyClaim {
        StepSix() {
            super("critical/C-08.6");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("chain", Machine.class).search(SearchSpace.coordinates())
                    .description("along the min-norm isolating direction: eps/r >= |dError/dgamma| (40-digit central difference) >= 2 q |res_d|")
                    .generator(GEN, machines()).hypotheses(TheoremClaims::r1r3).check(m -> {
                        Machine.Eval e = m.eval();
                        double r = m.r();
                        return worstOverD(m, d -> {
                            Evidence slope = errorSlope(m, e, d);
                            double fd = Math.abs(slope.lhs()), tol = slope.tolerance() + condEps(m) * e.eps / r;
                            return Evidence.worst(Evidence.le("|dError/dgamma| <= eps/r", fd, e.eps / r, tol),
                                    Evidence.ge("|dError/dgamma| >= 2 q |res_d|", fd, 2 * e.q * Math.abs(e.res[d]), tol));
                        });
                    }).tries(40).build());
        }
    }

    // ------------------------------------------------------------------------------------------------ C-12

    /** critical/C-12, section 2.2 / 1.2: the outline's claims. */
    static final class Outline extends PropertyClaim {
        Outline() {
            super("critical/C-12");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Machine> dependent = Combinators.combine(DataArbitraries.ints(2, 5), DataArbitraries.ints(0, 3), DataArbitraries.ints(1, 3), DataArbitraries.seeds())
                    .as((d, e, mp, seed) -> {
                        Machine m = Machines.build("R", d, d + e, mp, 2, "tanh-net", 1.0, seed);
                        double[][] x = TheoremClaims.copy(m.xp());
                        for (double[] row : x) row[d - 1] = 0.7 * row[0] - 0.2 * (d > 2 ? row[1] : 0);
                        return new Machine("dependent-feature", x, m.w(), m.nn3(), m.y());
                    });
            Arbitrary<Machine> single = Combinators.combine(Arbitraries.of("A", "R"), DataArbitraries.ints(0, 4), DataArbitraries.ints(1, 3),
                    Arbitraries.of("full-range", "sigmoid"), DataArbitraries.seeds()).as((k, e, mp, nn3, seed) -> Machines.build(k, 1, 1 + e, mp, 1, nn3, 1.0, seed));
            Arbitrary<Machine> dead = Combinators.combine(DataArbitraries.ints(1, 5), DataArbitraries.ints(0, 3), DataArbitraries.seeds()).as((d, e, seed) -> Machines.deadRelu(d, d + e, seed));
            return List.of(
                    Property.of("linear-independent-control", Machine.class).search(SearchSpace.coordinates())
                            .description("for each d and any Dz: Dw = Dz e_d^T x'^+ changes z_d by Dz and no other z_d' (x'^+ x' = I_D)")
                            .generator(GEN, machines()).hypotheses(TheoremClaims::r1r3).check(ProofSteps::isolation).tries(40).build(),
                    Property.of("control-dependent-feature", Machine.class)
                            .description("FAIL: x'_D in span{x'_d'}: a Dw with Dw x'_d' = 0 for d' != D also has Dw x'_D = 0; the min-norm attempt misses Dz")
                            .generator("machine R with x'_D = 0.7 x'_1 - 0.2 x'_2", dependent).check(m -> {
                                int d = m.dCount() - 1;
                                double[] dz = new double[m.mPrime()];
                                dz[0] = 1;
                                double[][] dw = isolating(m, d, dz);
                                DMatrixRMaj prod = Linalg.mult(Linalg.of(dw), m.features());
                                double miss = 0;
                                for (int j = 0; j < dz.length; j++) miss = Math.max(miss, Math.abs(prod.get(j, d) - dz[j]));
                                return Evidence.eq("|(Dw x')_D - Dz| for Dw = Dz e_D^T x'^+", miss, 0, condEps(m));
                            }).expectRefuted().tries(5).build(),
                    Property.of("flat-only-at-target", Machine.class).search(SearchSpace.coordinates())
                            .description("Error_d along Dw_d has slope 2 res_d |g_d| (40-digit central difference), zero iff NN_w(x_d) = y*_d when |g_d| > 0")
                            .generator(GEN, machines()).hypotheses(TheoremClaims::r1r3).check(m -> {
                                Machine.Eval e = m.eval();
                                return worstOverD(m, d -> errorSlope(m, e, d));
                            }).tries(30).build(),
                    Property.of("output-has-no-critical-points", Machine.class).search(SearchSpace.coordinates())
                            .description("grad_w NN_w(x_d) != 0: the 40-digit central difference of NN_w(x_d) along the unit direction g_d x'_d^T / (|g_d| |x'_d|) "
                                    + "equals |g_d| |x'_d| >= q |x'_d| > 0 and exceeds its own error bound")
                            .generator(GEN, machines()).hypotheses(TheoremClaims::r1r3).check(m -> {
                                Machine.Eval e = m.eval();
                                return worstOverD(m, d -> {
                                    double[] x = m.column(d);
                                    double norm = e.gNorm[d] * Stage3.norm(x);
                                    double[][] v = new double[m.mPrime()][m.m()];
                                    for (int j = 0; j < v.length; j++) for (int k = 0; k < x.length; k++) v[j][k] = e.g[d][j] * x[k] / norm;
                                    // saturated stages have |g_d| down to ~1e-30: raise the digits until the difference resolves it
                                    Hp.Fd der = derivatives(m, v);
                                    for (int digits = 80; digits <= 320 && !(der.value()[d + 1] > der.error()[d + 1]); digits *= 2)
                                        der = derivatives(m, v, new HighPrecision(digits));
                                    double fd = der.value()[d + 1], tol = 32 * Linalg.EPS * e.size() * norm + der.error()[d + 1];
                                    // |g_d| in double is off by eps times its terms (gScale), not eps |g_d|: they cancel when |g_d| is small
                                    double eqTol = 32 * Linalg.EPS * e.size() * e.gScale(d) * Stage3.norm(x) + der.error()[d + 1];
                                    return Evidence.worst(Evidence.eq("dNN_w(x_d)/dgamma along grad_w NN_w(x_d) == |g_d| |x'_d|", fd, norm, eqTol),
                                            Evidence.ge("dNN_w(x_d)/dgamma > its error bound (nonzero gradient)", fd, tol, 0));
                                });
                            }).tries(40).build(),
                    Property.of("control-dead-relu-output", Machine.class)
                            .description("FAIL: dead ReLU (z_d < 0): grad_w NN_w(x_d) = 0, a critical point of the output")
                            .generator("dead ReLU machine", dead)
                            .check(m -> Evidence.ge("min_d |grad_w NN_w(x_d)| > 0", minColumn(m.eval().dir()), Double.MIN_NORMAL, 0)).expectRefuted().tries(5).build(),
                    Property.of("single-input-gradient-descent", Machine.class)
                            .description("D = 1: GD (eta = 1/L) on Error_1 alone converges to the optimum: with q_lo = min |grad NN_3| over the sublevel set "
                                    + "{Error <= Error(w_0)} > 0 (the catalogue's 'q > 0 along the path'), |res_t| <= rho^t |res_0|, rho = sqrt(1 - 2 eta q_lo^2 |x'_1|^2), "
                                    + "at every iterate (log space) until the rounding floor")
                            .generator("machines A/R with D = 1, NN_3 full-range or sigmoid", single)
                            .hypotheses(m -> TheoremClaims.r1r3(m) != null ? TheoremClaims.r1r3(m)
                                    : sublevelSensitivity(m) > 0 ? null : "q_lo = 0: NN_3 has a flat point on the sublevel set (the path may stop there)")
                            .check(m -> {
                                double qLo = sublevelSensitivity(m), x2 = Stage3.dot(m.column(0), m.column(0));
                                double logRho = 0.5 * Math.log1p(-2 * GdRuns.stepSize(m) * qLo * qLo * x2);
                                return GdRuns.geometricDecay(m, logRho, 20_000).with("q_lo", qLo);
                            }).tries(15).build());
        }
    }

    /**
     * D = 1: a lower bound q_lo > 0 on |grad NN_3(z)| over {z : |NN_3(z) - y*| <= |res_0|} (GD with eta = 1/L stays in this
     * sublevel set), or 0 when none is known. Sigmoid output sig(l.z + c): |grad| = p (1 - p) |l| with p = NN_3(z) in
     * [y* - |res_0|, y* + |res_0|], which must lie inside (0, 1). One tanh unit plus a linear term (full range):
     * grad = l + t v u with t = tanh' in (0, 1], at least the distance from 0 to that segment.
     */
    static double sublevelSensitivity(Machine m) {
        Stage3 f = m.nn3();
        double res0 = Math.abs(m.eval().res[0]), y = m.y()[0];
        if (f.outer().equals("sigmoid") && f.width() == 0) {
            double lo = y - res0, hi = y + res0;
            return lo > 0 && hi < 1 ? Math.min(lo * (1 - lo), hi * (1 - hi)) * Stage3.norm(f.l()) : 0;
        }
        if (f.outer().equals("identity") && f.hidden().equals("tanh") && f.width() == 1) {
            double[] p0 = f.l(), delta = new double[p0.length];
            for (int j = 0; j < p0.length; j++) delta[j] = f.v()[0] * f.u()[0][j];
            double dd = Stage3.dot(delta, delta);
            double t = dd == 0 ? 0 : Math.max(0, Math.min(1, -Stage3.dot(p0, delta) / dd));
            double[] closest = new double[p0.length];
            for (int j = 0; j < p0.length; j++) closest[j] = p0[j] + t * delta[j];
            return Stage3.norm(closest);
        }
        return 0;
    }

    static double minColumn(DMatrixRMaj dir) {
        double best = Double.POSITIVE_INFINITY;
        for (int d = 0; d < dir.numCols; d++) best = Math.min(best, Linalg.norm(MatrixClaims.column(dir, d)));
        return best;
    }
}
