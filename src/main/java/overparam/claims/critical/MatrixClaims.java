package overparam.claims.critical;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** critical/C-03, C-04.a, C-04.b, C-05: the scaling factor, Lemma 1 (both ways round) and Lemma 2. */
final class MatrixClaims {
    private MatrixClaims() {}

    /** A matrix (rows x cols) from a named adversarial family. */
    public record Mat(String kind, double[][] a) {
        DMatrixRMaj matrix() {
            return Linalg.of(a);
        }
    }

    /** Matrix a with a second factor w (Lemma 1). */
    public record Product(String kind, double[][] a, double[][] w) {}

    /**
     * rows x cols matrices: gaussian, prescribed singular values (s_min = 10^U[-8,0]), duplicate columns, a zero column,
     * nearly parallel columns x_2 = x_1 + delta u (delta in {1e-2, 1e-5, 1e-8}), and the tanh random layer.
     */
    static double[][] family(String kind, int rows, int cols, long seed) {
        Random rng = new Random(seed);
        double[][] a = new double[rows][cols];
        for (double[] row : a) for (int j = 0; j < cols; j++) row[j] = rng.nextGaussian();
        switch (kind) {
            case "prescribed" -> {
                if (rows >= cols) return Machines.prescribed(rows, cols, Math.pow(10, -8 * rng.nextDouble()), 1 + 9 * rng.nextDouble(), rng);
            }
            case "duplicate-column" -> {
                if (cols >= 2) for (double[] row : a) row[cols - 1] = row[0];
            }
            case "zero-column" -> {
                for (double[] row : a) row[cols - 1] = 0;
            }
            case "nearly-parallel" -> {
                if (cols >= 2) {
                    double delta = new double[] {1e-2, 1e-5, 1e-8}[rng.nextInt(3)];
                    for (double[] row : a) row[1] = row[0] + delta * rng.nextGaussian();
                }
            }
            case "tanh-layer" -> {
                return Features.matrix(Features.TANH_LAYER, rows, cols, seed);
            }
            default -> { }
        }
        return a;
    }

    static final String[] KINDS = {"gaussian", "prescribed", "duplicate-column", "zero-column", "nearly-parallel", "tanh-layer"};

    /** Tall (rows >= cols) or wide matrices of every family; cols in [1, 8]. */
    static Arbitrary<Mat> matrices(boolean tall) {
        return Combinators.combine(Arbitraries.of(KINDS), DataArbitraries.ints(1, 8), DataArbitraries.ints(0, 6), DataArbitraries.seeds())
                .as((k, c, extra, seed) -> tall ? new Mat(k, family(k, c + extra, c, seed)) : new Mat(k, family(k, c, c + 1 + extra, seed)));
    }

    /** Right singular vectors (columns of V, b x b) sorted by descending singular value, and the singular values. */
    static DMatrixRMaj[] svdV(DMatrixRMaj a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false, true, false);
        if (!svd.decompose(a.copy())) throw new ArithmeticException("SVD failed");
        DMatrixRMaj w = svd.getW(null), v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(null, false, w, v, false);
        return new DMatrixRMaj[] {v, w};
    }

    static double[] column(DMatrixRMaj m, int j) {
        double[] c = new double[m.numRows];
        for (int i = 0; i < c.length; i++) c[i] = m.get(i, j);
        return c;
    }

    // ------------------------------------------------------------------------------------------------ C-03

    /** critical/C-03, definition (section 2.3): scaling factor r with min_v |Mv| >= r |v|; r > 0 gives full rank. */
    static final class ScalingFactor extends PropertyClaim {
        ScalingFactor() {
            super("critical/C-03");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            String gen = "families " + Arrays.toString(KINDS) + ", cols in [1,8]";
            return List.of(
                    Property.of("best-r-is-sigma-min", Mat.class).search(SearchSpace.coordinates())
                            .description("tall M: every |Mv| >= sigma_min |v| (200 random unit v), equality at the smallest right singular vector, "
                                    + "sigma_min^2 == lambda_min(M^T M) (second route)")
                            .generator(gen + ", rows = cols + [0,6]", matrices(true)).hypotheses(MatrixClaims::tall).check(MatrixClaims::bestR).tries(120).build(),
                    Property.of("positive-r-full-column-rank", Mat.class).search(SearchSpace.coordinates())
                            .description("r > rank tolerance => rank = #columns, the rank decided by 60-digit full-pivoting elimination")
                            .generator(gen + ", rows = cols + [0,6]", matrices(true))
                            .hypotheses(m -> Linalg.scalingFactor(m.matrix()) > 1e3 * Linalg.rankTolerance(m.matrix()) ? null : "r not clearly positive")
                            .check(m -> Evidence.eq("60-digit rank == #columns", new HighPrecision(60).rank(new HighPrecision(60).of(m.a())), m.a()[0].length, 0))
                            .tries(60).build(),
                    Property.of("wide-r-zero", Mat.class).search(SearchSpace.coordinates())
                            .description("wide M (rows < cols): a kernel vector v exists, |Mv| ~ 0, so the best r is 0 (M < D => r = 0)")
                            .generator(gen + ", cols = rows + [1,7]", matrices(false))
                            .hypotheses(m -> m.a().length < m.a()[0].length ? null : "not wide").check(MatrixClaims::wideZero).tries(60).build());
        }
    }

    static String tall(Mat m) {
        return m.a().length >= m.a()[0].length ? null : "wide (rows < cols)";
    }

    static String tallProduct(Product p) {
        return p.a().length >= p.a()[0].length ? null : "M wide (rows < cols)";
    }

    static Evidence bestR(Mat m) {
        DMatrixRMaj a = m.matrix();
        int b = a.numCols;
        double r = Linalg.scalingFactor(a), smax = Linalg.spectralNorm(a);
        double tol = Linalg.tolerance(smax, a.numRows + b);
        Random rng = new Random(Arrays.deepHashCode(m.a()));
        double worst = Double.POSITIVE_INFINITY;
        for (int t = 0; t < 200; t++) {
            double[] v = overparam.data.Generators.unitGaussian(rng, b);
            worst = Math.min(worst, Linalg.norm(Linalg.multVec(a, v)));
        }
        DMatrixRMaj[] vw = svdV(a);
        double[] vMin = column(vw[0], b - 1);
        double at = Linalg.norm(Linalg.multVec(a, vMin));
        double lmin = Linalg.lambdaMin(Linalg.mult(Linalg.transpose(a), a));
        return Evidence.worst(
                Evidence.ge("min over 200 random unit v of |Mv| >= sigma_min", worst, r, tol),
                Evidence.eq("|M v_min| == sigma_min", at, r, tol),
                Evidence.eq("sigma_min^2 == lambda_min(M^T M)", r * r, lmin, 4 * tol * smax));
    }

    static Evidence wideZero(Mat m) {
        DMatrixRMaj a = m.matrix();
        DMatrixRMaj v = svdV(a)[0];
        double[] k = column(v, a.numCols - 1); // beyond rank(M) <= rows: a kernel vector
        double tol = Linalg.tolerance(Linalg.spectralNorm(a), a.numRows + a.numCols);
        return Evidence.le("|M v| for the last right singular vector (|v| = 1)", Linalg.norm(Linalg.multVec(a, k)), 0, tol);
    }

    // ------------------------------------------------------------------------------------------------ C-04

    static Arbitrary<Product> products(boolean featureOnLeft, int extraMin, int extraMax) {
        return Combinators.combine(Arbitraries.of(KINDS), DataArbitraries.ints(1, 6), DataArbitraries.ints(extraMin, extraMax), DataArbitraries.ints(1, 6),
                DataArbitraries.seeds()).as((k, d, extra, c, seed) -> {
            double[][] a = family(k, d + extra, d, seed);
            Random rng = new Random(seed + 7);
            double[][] w = featureOnLeft ? new double[d][c] : new double[c][d + extra];
            for (double[] row : w) for (int j = 0; j < row.length; j++) row[j] = rng.nextGaussian();
            return new Product(k, a, w);
        });
    }

    /** critical/C-04.a, Lemma 1: |M w|_F >= r |w|_F when M has scaling factor r (M multiplies on the left). */
    static final class LemmaOneLeft extends PropertyClaim {
        LemmaOneLeft() {
            super("critical/C-04.a");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("left-multiplication", Product.class).search(SearchSpace.coordinates())
                            .description("|M w|_F >= sigma_min(M) |w|_F, M tall (a x b), w b x c random")
                            .generator("M from " + Arrays.toString(KINDS) + ", b in [1,6], a = b + [0,6], c in [1,6]", products(true, 0, 6))
                            .hypotheses(MatrixClaims::tallProduct).check(pr -> {
                                DMatrixRMaj a = Linalg.of(pr.a()), w = Linalg.of(pr.w());
                                double r = Linalg.scalingFactor(a);
                                double lhs = Linalg.frobenius(Linalg.mult(a, w));
                                return Evidence.ge("|M w|_F >= r |w|_F", lhs, r * Linalg.frobenius(w),
                                        Linalg.tolerance(Linalg.spectralNorm(a) * Linalg.frobenius(w), a.numRows + a.numCols + w.numCols));
                            }).tries(120).build(),
                    Property.of("equality-case", Product.class).search(SearchSpace.coordinates())
                            .description("every column of w a multiple of the smallest right singular vector: |M w|_F == r |w|_F")
                            .generator("as left-multiplication, w := v_min c^T", products(true, 0, 6))
                            .hypotheses(MatrixClaims::tallProduct).check(pr -> {
                                DMatrixRMaj a = Linalg.of(pr.a());
                                double[] vMin = column(svdV(a)[0], a.numCols - 1);
                                DMatrixRMaj w = Linalg.mult(Linalg.column(vMin), Linalg.transpose(Linalg.column(pr.w()[0])));
                                double r = Linalg.scalingFactor(a);
                                return Evidence.eq("|M w|_F == r |w|_F", Linalg.frobenius(Linalg.mult(a, w)), r * Linalg.frobenius(w),
                                        Linalg.tolerance(Linalg.spectralNorm(a) * Linalg.frobenius(w), a.numRows + a.numCols));
                            }).tries(60).build());
        }
    }

    /** critical/C-04.b, Lemma 1 as used in section 2.3: |w x'|_F >= r |w|_F with x' (M x D, M >= D) on the right. */
    static final class LemmaOneRight extends PropertyClaim {
        LemmaOneRight() {
            super("critical/C-04.b");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("right-multiplication", Product.class)
                            .description("|w x'|_F >= sigma_min(x') |w|_F for w (M' x M), x' (M x D), M >= D: the form the proof of Theorem 1 uses")
                            .generator("x' from " + Arrays.toString(KINDS) + ", D in [1,6], M = D + [0,6], M' in [1,6], w ~ N(0,1)", products(false, 0, 6))
                            .check(MatrixClaims::rightProduct).certify(MatrixClaims::certifyRight).tries(100).build(),
                    Property.of("square-case", Product.class)
                            .informative()
                            .description("M = D (x' square): sigma_min(x'^T) = sigma_min(x') and the inequality holds")
                            .generator("as right-multiplication with M = D", products(false, 0, 0))
                            .check(MatrixClaims::rightProduct).tries(60).build());
        }
    }

    static Evidence rightProduct(Product pr) {
        DMatrixRMaj x = Linalg.of(pr.a()), w = Linalg.of(pr.w());
        double r = Linalg.scalingFactor(x);
        return Evidence.ge("|w x'|_F >= r |w|_F", Linalg.frobenius(Linalg.mult(w, x)), r * Linalg.frobenius(w),
                Linalg.tolerance(Linalg.spectralNorm(x) * Linalg.frobenius(w), x.numRows + x.numCols + w.numRows))
                .with("M", x.numRows).with("D", x.numCols).with("r", r);
    }

    static Certificate certifyRight(Product pr, Evidence e) {
        HighPrecision hp = new HighPrecision(60);
        Dfp[][] x = hp.of(pr.a()), w = hp.of(pr.w());
        Dfp[][] wx = hp.mult(w, x);
        Dfp lhs = frob2(hp, wx), w2 = frob2(hp, w);
        Dfp lmin = hp.lambdaMin(hp.gram(hp.transpose(x)));
        return Certificate.of("Dfp 60 digits: |w x'|_F^2 - lambda_min(x'^T x') |w|_F^2", hp.digits(), Hp.big(lhs.subtract(lmin.multiply(w2))),
                new BigDecimal("1e-40"), "|wx'|^2 = " + lhs + ", r^2 |w|^2 = " + lmin.multiply(w2));
    }

    static Dfp frob2(HighPrecision hp, Dfp[][] a) {
        Dfp s = hp.zero();
        for (Dfp[] row : a) for (Dfp x : row) s = s.add(x.multiply(x));
        return s;
    }

    // ------------------------------------------------------------------------------------------------ C-05

    /** w x = z with x (M x D), z (M' x D), and Lemma 2's free block w_B (zero or random). */
    public record LinearSystem(String kind, double[][] x, double[][] z, boolean randomWB, long seed) {}

    /** D rows of x chosen greedily (pivoted Gram-Schmidt on the rows: column-pivoted QR of x^T). */
    static int[] pivotRows(double[][] x, int d) {
        int m = x.length;
        double[][] r = new double[m][];
        for (int i = 0; i < m; i++) r[i] = x[i].clone();
        boolean[] used = new boolean[m];
        int[] rows = new int[Math.min(d, m)];
        for (int s = 0; s < rows.length; s++) {
            int best = -1;
            double bn = -1;
            for (int i = 0; i < m; i++) {
                if (used[i]) continue;
                double n = Linalg.norm(r[i]);
                if (n > bn) {
                    bn = n;
                    best = i;
                }
            }
            used[best] = true;
            rows[s] = best;
            double[] q = r[best].clone();
            double qn = Linalg.norm(q);
            if (qn > 0) for (int j = 0; j < q.length; j++) q[j] /= qn;
            for (int i = 0; i < m; i++) {
                if (used[i]) continue;
                double dot = Linalg.dot(r[i], q);
                for (int j = 0; j < q.length; j++) r[i][j] -= dot * q[j];
            }
        }
        return rows;
    }

    /** Lemma 2: w_A = (z - w_B x_B) x_A^-1 with the given row choice; returns {w, x_A condition number, |w_B|_F |x_B|_F}. */
    static Object[] lemma2(LinearSystem s, int[] rowsA) {
        int m = s.x().length, d = s.z()[0].length, mp = s.z().length;
        boolean[] inA = new boolean[m];
        for (int i : rowsA) inA[i] = true;
        Random rng = new Random(s.seed());
        double[][] w = new double[mp][m];
        if (s.randomWB()) for (double[] row : w) for (int k = 0; k < m; k++) if (!inA[k]) row[k] = rng.nextGaussian();
        DMatrixRMaj rhs = Linalg.of(s.z());
        double wbxb = 0;
        {
            double wb = 0, xb = 0;
            for (int j = 0; j < mp; j++) for (int k = 0; k < m; k++) if (!inA[k]) wb += w[j][k] * w[j][k];
            for (int k = 0; k < m; k++) if (!inA[k]) for (double v : s.x()[k]) xb += v * v;
            wbxb = Math.sqrt(wb * xb);
            for (int j = 0; j < mp; j++)
                for (int c = 0; c < d; c++) {
                    double t = 0;
                    for (int k = 0; k < m; k++) if (!inA[k]) t += w[j][k] * s.x()[k][c];
                    rhs.set(j, c, rhs.get(j, c) - t);
                }
        }
        DMatrixRMaj xa = new DMatrixRMaj(d, d);
        for (int a = 0; a < d; a++) for (int c = 0; c < d; c++) xa.set(a, c, s.x()[rowsA[a]][c]);
        DMatrixRMaj wa = new DMatrixRMaj(mp, d);
        DMatrixRMaj xaT = Linalg.transpose(xa), sol = new DMatrixRMaj(d, mp);
        if (!CommonOps_DDRM.solve(xaT, Linalg.transpose(rhs), sol)) throw new ArithmeticException("x_A singular");
        CommonOps_DDRM.transpose(sol, wa);
        for (int j = 0; j < mp; j++) for (int a = 0; a < d; a++) w[j][rowsA[a]] = wa.get(j, a);
        double[] sv = Linalg.singularValues(xa);
        return new Object[] {w, sv[0] / sv[d - 1], wbxb};
    }

    static double residual(double[][] w, double[][] x, double[][] z) {
        return Linalg.frobenius(Linalg.minus(Linalg.mult(Linalg.of(w), Linalg.of(x)), Linalg.of(z)));
    }

    /** critical/C-05, Lemma 2: independent columns of x make w x = z solvable (w_A = (z - w_B x_B) x_A^-1). */
    static final class LemmaTwo extends PropertyClaim {
        LemmaTwo() {
            super("critical/C-05");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<LinearSystem> full = Combinators.combine(Arbitraries.of("gaussian", "prescribed", "nearly-parallel", "tanh-layer"), DataArbitraries.ints(1, 7),
                    DataArbitraries.ints(0, 6), DataArbitraries.ints(1, 4), Arbitraries.of(false, true), DataArbitraries.seeds())
                    .as((k, d, e, mp, rw, seed) -> new LinearSystem(k, family(k, d + e, d, seed), gaussian(mp, d, seed + 1), rw, seed));
            Arbitrary<LinearSystem> bad = Combinators.combine(Arbitraries.of("narrow", "dependent"), DataArbitraries.ints(2, 7), DataArbitraries.ints(1, 3),
                    DataArbitraries.seeds()).as((k, d, mp, seed) -> {
                double[][] x = k.equals("narrow") ? gaussian(d - 1, d, seed) : family("gaussian", d + 2, d, seed);
                if (k.equals("dependent"))
                    for (double[] row : x) {
                        double t = 0;
                        for (int j = 0; j < d - 1; j++) t += (j + 1) * 0.3 * row[j];
                        row[d - 1] = t;
                    }
                return new LinearSystem(k, x, gaussian(mp, d, seed + 1), false, seed);
            });
            Arbitrary<LinearSystem> adversarial = Combinators.combine(DataArbitraries.ints(2, 6), DataArbitraries.seeds()).as((d, seed) -> {
                // first D rows nearly singular (x_A badly chosen by "take the first rows"), the whole x well conditioned
                Random rng = new Random(seed);
                double[][] x = new double[2 * d][d];
                for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) x[i][j] = j == 0 ? 1 : 1e-9 * rng.nextGaussian();
                for (int i = d; i < 2 * d; i++) for (int j = 0; j < d; j++) x[i][j] = rng.nextGaussian();
                return new LinearSystem("adversarial-rows", x, gaussian(1, d, seed + 1), false, seed);
            });
            return List.of(
                    Property.of("lemma2-construction", LinearSystem.class).search(SearchSpace.coordinates())
                            .description("x_A by pivoted QR of x^T, w_B zero or random: |w x - z|_F ~ rounding; pinv solution too; M > D: two w_B give two solutions")
                            .generator("x from {gaussian, prescribed, nearly-parallel, tanh-layer}, D in [1,7], M = D + [0,6], M' in [1,4]", full)
                            .hypotheses(s -> Linalg.scalingFactor(Linalg.of(s.x())) > 1e-10 * Linalg.spectralNorm(Linalg.of(s.x())) ? null : "columns dependent")
                            .check(MatrixClaims::lemma2Check).tries(100).build(),
                    Property.of("control-not-independent", LinearSystem.class)
                            .description("FAIL (necessity): M < D or dependent columns: min_w |w x - z|_F > 0 for random z")
                            .generator("x with M = D - 1 rows, or column D a combination of the others", bad)
                            .check(s -> {
                                DMatrixRMaj x = Linalg.of(s.x()), w = Linalg.mult(Linalg.of(s.z()), Linalg.pinv(x));
                                int size = s.x().length * s.x()[0].length * s.z().length;
                                return Evidence.le("min_w |w x - z|_F (least squares)", residual(Linalg.toArray(w), s.x(), s.z()), 0,
                                        64 * Linalg.EPS * size * TheoremClaims.effectiveCond(x) * Linalg.frobenius(Linalg.of(s.z())));
                            }).expectRefuted().tries(5).build(),
                    Property.of("adversarial-row-choice", LinearSystem.class)
                            .description("the catalogue's numerical adversary: the first D rows nearly rank one, x well conditioned; Lemma 2 with pivoted x_A "
                                    + "still solves to rounding (the naive first-D-rows choice and its cond(x_A) are reported)")
                            .generator("first D rows = e_1-like up to 1e-9 noise, last D rows Gaussian", adversarial)
                            .check(s -> {
                                int d = s.z()[0].length;
                                int[] first = new int[d];
                                for (int i = 0; i < d; i++) first[i] = i;
                                Object[] naive = lemma2(s, first);
                                return lemma2Check(s).with("naive x_A = first D rows: residual", residual((double[][]) naive[0], s.x(), s.z()))
                                        .with("naive cond(x_A)", naive[1]);
                            }).tries(10).build());
        }
    }

    static double[][] gaussian(int r, int c, long seed) {
        Random rng = new Random(seed);
        double[][] a = new double[r][c];
        for (double[] row : a) for (int j = 0; j < c; j++) row[j] = rng.nextGaussian();
        return a;
    }

    static Evidence lemma2Check(LinearSystem s) {
        int d = s.z()[0].length, m = s.x().length;
        Object[] sol = lemma2(s, pivotRows(s.x(), d));
        double[][] w = (double[][]) sol[0];
        double condA = (double) sol[1], wbxb = (double) sol[2];
        double zf = Linalg.frobenius(Linalg.of(s.z()));
        int size = m * d * s.z().length;
        double tol = 64 * Linalg.EPS * size * condA * (zf + wbxb);
        Evidence lemma = Evidence.le("|w x - z|_F (Lemma 2, pivoted x_A)", residual(w, s.x(), s.z()), 0, tol).with("cond(x_A)", condA);
        DMatrixRMaj x = Linalg.of(s.x());
        double condX = Linalg.spectralNorm(x) / Linalg.scalingFactor(x);
        double[][] wp = Linalg.toArray(Linalg.mult(Linalg.of(s.z()), Linalg.pinv(x)));
        Evidence pinv = Evidence.le("|w x - z|_F (w = z x^+)", residual(wp, s.x(), s.z()), 0, 64 * Linalg.EPS * size * condX * zf);
        if (m == d) return Evidence.worst(lemma, pinv);
        LinearSystem other = new LinearSystem(s.kind(), s.x(), s.z(), !s.randomWB(), s.seed() + 1);
        double[][] w2 = (double[][]) lemma2(other, pivotRows(s.x(), d))[0];
        double gap = Linalg.frobenius(Linalg.minus(Linalg.of(w), Linalg.of(w2)));
        return Evidence.worst(lemma, pinv, Evidence.ge("M > D: |w(w_B = 0) - w(w_B random)|_F above rounding (non-unique)", gap, tol, 0));
    }
}
