package overparam.claims.boobLan;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.linear.Array2DRowFieldMatrix;
import org.hipparchus.linear.ArrayFieldVector;
import org.hipparchus.linear.FieldMatrix;
import org.hipparchus.linear.FieldQRDecomposition;
import org.hipparchus.linear.FieldVector;
import overparam.claims.boobLan.PaperActivation.Form;
import overparam.claims.boobLan.PaperActivation.Piece;
import overparam.linalg.HighPrecision;
import overparam.nn.Activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Condition C1 of boob-lan section 4 for a function given as code: is there an interval on which h'(x) = c1, or on which
 * (x + c2) h'(x) + h(x) = c3? Integrated, the two identities say h is affine, resp. (x + c2) h(x) is affine (h a Moebius
 * map or constant), on the interval; both are linear least-squares fits of sampled values, so the checker needs values
 * of h only.
 * <p>
 * Method: windows of widths (hi-lo)/2^L, L = 0..levels, overlapping by half, m sample points each. Per window the
 * relative residual of the best affine fit of h ("affine variation") and of the best fit of t h(t) by span{h, t, 1}
 * ("Moebius variation", normalised by the size of its terms) are measured; a window whose variation is at rounding
 * level (below {@link Options#tolerance}) is a candidate violation. Candidates are re-measured with the
 * {@value #HP_DIGITS}-digit evaluator when one exists (a double-precision artefact such as tanh saturating at |x| > 19
 * disappears there); certificates re-fit the witness in 60 digits. For
 * activations with declared exact pieces (piecewise-linear or piecewise-Moebius) the answer is exact: an affine or
 * Moebius piece is the witness, with its constants, and the sampling confirms it.
 * The evidence of a "satisfies C1" answer is the window whose variation is smallest relative to the tolerance it was
 * decided with (double rounding level, or {@link #HP_TOLERANCE} for windows decided in high precision): C1 is answered at
 * the resolution of the smallest window (violations on shorter intervals are not resolved).
 */
public final class C1Checker {
    private C1Checker() {}

    /** UNRESOLVED: a window's variation is below the double tolerance and there is no 60-digit evaluator to decide. */
    public enum Status {SATISFIES, VIOLATES, UNRESOLVED}

    /**
     * Candidates are re-fitted with {@value #HP_DIGITS}-digit arithmetic; a relative variation at or below
     * {@link #HP_TOLERANCE} there is an exact identity (rounding level of that arithmetic; the non-violations met in the
     * tested ranges sit at 1e-19 and above). Certificates use 60 digits.
     */
    public static final int HP_DIGITS = 40;
    public static final double HP_TOLERANCE = 1e-28;

    static void note(List<String> notes, String n) {
        if (notes.size() < 5) notes.add(n);
    }

    public enum Test {
        AFFINE("h'(x) = c1 (h affine)"), MOBIUS("(x + c2) h'(x) + h(x) = c3 ((x + c2) h affine)");

        public final String identity;

        Test(String identity) {
            this.identity = identity;
        }
    }

    /**
     * Sampling options: window levels, smallest width for the affine test and for the Moebius test, points per window,
     * and the rounding-level tolerance. The Moebius test needs wider windows: a Moebius map matches any smooth h to second
     * order, so its relative variation falls like (width/2)^4 (1e-8 at width 0.02) against (width/2)^2 for the affine test.
     */
    public record Options(int levels, double minWidth, double mobiusMinWidth, int points, double tolerance) {
        /** 10 halvings, widths >= 1e-3 (affine) and >= 0.02 (Moebius), 24 points, tolerance 64 m eps = 3.4e-13. */
        public static Options standard() {
            return new Options(10, 1e-3, 0.02, 24, 64 * 24 * Math.ulp(1.0));
        }

        /** 16 times the points: candidates are re-sampled before they count (a sparse sample can miss narrow bumps). */
        Options denser() {
            return new Options(levels, minWidth, mobiusMinWidth, 16 * points, tolerance);
        }
    }

    /**
     * One window and its measured variation. {@code constants}: c1 (AFFINE) or c2, c3 (MOBIUS) in x coordinates.
     * {@code hpVariation} is the 60-digit re-measurement (null when not done).
     */
    public record Finding(Test test, double a, double b, double variation, double tolerance, double[] constants, String method,
                          Double hpVariation, Double derivativeVariation) {
        /** Variation over the tolerance it is decided with: below 1 is a violation. */
        public double ratio() {
            return decisiveVariation() / decisiveTolerance();
        }

        /** The high-precision variation when measured, else the double one. */
        public double decisiveVariation() {
            return hpVariation != null ? hpVariation : variation;
        }

        public double decisiveTolerance() {
            return hpVariation != null ? HP_TOLERANCE : tolerance;
        }

        public String describe() {
            String c = test == Test.AFFINE ? String.format(Locale.ROOT, "c1 = %.6g", constants[0])
                    : String.format(Locale.ROOT, "c2 = %.6g, c3 = %.6g", constants[0], constants[1]);
            return String.format(Locale.ROOT, "%s on (%.6g, %.6g): relative variation %.3g (tolerance %.2g)%s; %s; %s", test.identity, a, b,
                    variation, tolerance, hpVariation == null ? "" : String.format(Locale.ROOT, ", high precision %.3g", hpVariation), c, method);
        }
    }

    public record Report(String function, double lo, double hi, Status status, Finding witness, Finding tightestAffine,
                         Finding tightestMobius, int windows, double smallestWidth, List<String> notes) {
        /** The smallest variation over both tests. */
        public double minVariation() {
            return Math.min(tightestAffine.variation(), tightestMobius.variation());
        }

        /** The deciding window: the witness, else the window closest to its tolerance (the margin of "satisfies C1"). */
        public Finding tightest() {
            if (witness != null) return witness;
            return tightestAffine.ratio() <= tightestMobius.ratio() ? tightestAffine : tightestMobius;
        }

        public String describe() {
            StringBuilder sb = new StringBuilder(function).append(" on (").append(lo).append(", ").append(hi).append("): ")
                    .append(status == Status.VIOLATES ? "VIOLATES C1" : status == Status.UNRESOLVED ? "UNRESOLVED at double precision"
                            : "satisfies C1 at resolution " + String.format(Locale.ROOT, "%.3g", smallestWidth));
            if (witness != null) sb.append("\n  witness: ").append(witness.describe());
            sb.append("\n  tightest affine window: ").append(tightestAffine.describe());
            sb.append("\n  tightest Moebius window: ").append(tightestMobius.describe());
            sb.append("\n  windows: ").append(windows);
            for (String n : notes) sb.append("\n  note: ").append(n);
            return sb.toString();
        }
    }

    /** A function to check: double evaluator, optional 60-digit evaluator, optional derivative, optional exact pieces. */
    public record Subject(String name, DoubleUnaryOperator h, UnaryOperator<Dfp> hp, DoubleUnaryOperator derivative, List<Piece> pieces) {
        public static Subject of(PaperActivation a, boolean derivativeOf) {
            if (!derivativeOf) return new Subject(a.name(), a::phi, a.hasHighPrecision() ? a::phi : null, a::d1, a.pieces());
            return new Subject(a.name() + "'", a::d1, a.hpDerivative(), a::d2, a.derivativePieces());
        }

        /** An activation of the harness library (double evaluators only, unless it is also a boob-lan activation). */
        public static Subject of(Activation a, boolean derivativeOf) {
            if (a instanceof PaperActivation pa) return of(pa, derivativeOf);
            if (!derivativeOf) return new Subject(a.name(), a::phi, null, a::d1, List.of());
            return new Subject(a.name() + "'", a::d1, null, a::d2, List.of());
        }

        /** A bare function given as code. */
        public static Subject of(String name, DoubleUnaryOperator h) {
            return new Subject(name, h, null, null, List.of());
        }
    }

    public static Report check(Subject f, double lo, double hi) {
        return check(f, lo, hi, Options.standard());
    }

    /** At most this many candidate windows are re-measured in 60 digits per report (smallest variations first). */
    public static final int HP_CONFIRMATIONS = 100;

    public static Report check(Subject f, double lo, double hi, Options o) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) throw new IllegalArgumentException("C1 check needs a finite interval lo < hi, got (" + lo + ", " + hi + ")");
        List<String> notes = new ArrayList<>();
        Finding exact = exactWitness(f, lo, hi, o, notes);
        if (exact != null)
            return new Report(f.name(), lo, hi, Status.VIOLATES, exact, exact.test() == Test.AFFINE ? exact : measure(f, exact.a(), exact.b(), o)[0],
                    exact.test() == Test.MOBIUS ? exact : measure(f, exact.a(), exact.b(), o)[1], 1, hi - lo, notes);
        Finding bestA = null, bestM = null, witness = null;
        int windows = 0, confirmed = 0, unresolved = 0;
        double smallest = hi - lo;
        scan:
        for (int level = 0; level <= o.levels(); level++) {
            double w = (hi - lo) / Math.pow(2, level);
            if (level > 0 && w < o.minWidth()) break;
            smallest = w;
            int count = level == 0 ? 1 : (1 << (level + 1)) - 1;
            for (int k = 0; k < count; k++) {
                double a = lo + k * w / 2, b = a + w;
                windows++;
                Finding[] all = measure(f, a, b, o);
                Finding[] fs = level == 0 || w >= o.mobiusMinWidth() ? all : new Finding[] {all[0]};
                for (int t = 0; t < fs.length; t++) {
                    Finding c = fs[t];
                    if (c.variation() > o.tolerance()) continue;
                    Finding dense = measure(f, a, b, o.denser())[c.test().ordinal()];
                    if (dense.variation() > o.tolerance()) {
                        note(notes, String.format(Locale.ROOT, "%d points miss the variation of h on (%.6g, %.6g) (%s); %d points: %.3g, not a violation",
                                o.points(), a, b, c.test(), o.denser().points(), dense.variation()));
                        fs[t] = dense;
                        continue;
                    }
                    // a candidate at rounding level: decided in 60 digits when possible
                    if (f.hp() == null) {
                        if (c.variation() <= o.tolerance() / 100) {
                            witness = confirm(f, c, o);
                            break scan;
                        }
                        unresolved++;
                        note(notes, String.format(Locale.ROOT, "unresolved at double precision on (%.6g, %.6g): %s variation %.2g (no 60-digit evaluator)",
                                a, b, c.test(), c.variation()));
                        continue;
                    }
                    if (confirmed == HP_CONFIRMATIONS) {
                        unresolved++;
                        continue;
                    }
                    confirmed++;
                    Finding r = confirm(f, c, o);
                    if (r.hpVariation() == null) {
                        unresolved++;
                        continue;
                    }
                    if (r.hpVariation() <= HP_TOLERANCE) {
                        witness = r;
                        break scan;
                    }
                    note(notes, String.format(Locale.ROOT, "double precision cannot resolve h on (%.6g, %.6g) (%s variation %.2g); %d digits: %.3g, not a violation",
                            a, b, c.test(), c.variation(), HP_DIGITS, r.hpVariation()));
                    fs[t] = r;
                }
                if (bestA == null || fs[0].ratio() < bestA.ratio()) bestA = fs[0];
                if (fs.length > 1 && (bestM == null || fs[1].ratio() < bestM.ratio())) bestM = fs[1];
            }
        }
        if (bestM == null) bestM = measure(f, lo, hi, o)[1];
        if (witness == null && unresolved > 0)
            notes.add(unresolved + " window(s) at rounding level not decided (no high-precision evaluator, or beyond " + HP_CONFIRMATIONS + " re-fits)");
        Status status = witness != null ? Status.VIOLATES : unresolved > 0 ? Status.UNRESOLVED : Status.SATISFIES;
        return new Report(f.name(), lo, hi, status, witness, bestA, bestM, windows, smallest, notes);
    }

    /** An AFFINE or MOBIUS piece of h overlapping (lo, hi): an exact violation, confirmed by sampling inside it. */
    static Finding exactWitness(Subject f, double lo, double hi, Options o, List<String> notes) {
        for (Piece p : f.pieces()) {
            if (p.form() == Form.OTHER) continue;
            double a = Math.max(lo, p.from()), b = Math.min(hi, p.to());
            if (!(b > a)) continue;
            double pad = (b - a) * 1e-3;
            Finding[] fs = measure(f, a + pad, b - pad, o);
            Finding sampled = p.form() == Form.AFFINE ? fs[0] : fs[1];
            double[] constants = p.form() == Form.AFFINE ? new double[] {p.a()} : new double[] {p.c(), p.a()};
            String method = "exact: h = " + p.formula() + " on (" + p.from() + ", " + p.to() + "); sampled variation confirms";
            if (sampled.variation() > o.tolerance()) {
                notes.add("declared piece " + p.formula() + " not confirmed by sampling (variation " + sampled.variation() + ")");
                continue;
            }
            Finding hp = confirm(f, new Finding(sampled.test(), a + pad, b - pad, sampled.variation(), o.tolerance(), constants, method, null, null), o);
            return new Finding(sampled.test(), a, b, sampled.variation(), o.tolerance(), constants, hp.method(), hp.hpVariation(), hp.derivativeVariation());
        }
        return null;
    }

    static double[] samplePoints(double a, double b, int m) {
        double[] x = new double[m];
        for (int i = 0; i < m; i++) x[i] = a + (b - a) * (i + 0.5) / m;
        return x;
    }

    /** {affine finding, Moebius finding} for one window. */
    static Finding[] measure(Subject f, double a, double b, Options o) {
        int m = o.points();
        double[] x = samplePoints(a, b, m);
        double mid = (a + b) / 2, half = (b - a) / 2;
        double[] t = new double[m], y = new double[m];
        double scale = 0;
        for (int i = 0; i < m; i++) {
            t[i] = (x[i] - mid) / half;
            y[i] = f.h().applyAsDouble(x[i]);
            scale = Math.max(scale, Math.abs(y[i]));
        }
        // affine: y ~ alpha + beta t
        double[] ab = leastSquares(new double[][] {ones(m), t}, y);
        double ra = 0;
        for (int i = 0; i < m; i++) ra = Math.max(ra, Math.abs(y[i] - ab[0] - ab[1] * t[i]));
        double va = scale == 0 ? 0 : ra / scale;
        Finding affine = new Finding(Test.AFFINE, a, b, va, o.tolerance(), new double[] {ab[1] / half}, "double sampling, " + m + " points", null, null);
        // Moebius: t y ~ -c2' y + c3' t + c4'
        double[] ty = new double[m];
        for (int i = 0; i < m; i++) ty[i] = t[i] * y[i];
        double[] cm = leastSquares(new double[][] {y, t, ones(m)}, ty);
        double rm = 0, termScale = 0;
        for (int i = 0; i < m; i++) {
            double r = ty[i] - cm[0] * y[i] - cm[1] * t[i] - cm[2];
            rm = Math.max(rm, Math.abs(r));
            termScale = Math.max(termScale, Math.abs(ty[i]) + Math.abs(cm[0] * y[i]) + Math.abs(cm[1] * t[i]) + Math.abs(cm[2]));
        }
        double vm = termScale == 0 ? 0 : rm / termScale;
        double c2 = -cm[0] * half - mid, c3 = cm[1];
        Finding mobius = new Finding(Test.MOBIUS, a, b, vm, o.tolerance(), new double[] {c2, c3}, "double sampling, " + m + " points", null, null);
        return new Finding[] {affine, mobius};
    }

    /** Re-measures a candidate in {@value #HP_DIGITS} digits (if possible) and with the derivative identity (if h' is given). */
    static Finding confirm(Subject f, Finding c, Options o) {
        Double hpVar = null;
        String method = c.method();
        if (f.hp() != null) {
            try {
                hpVar = hpVariation(f.hp(), c.test(), c.a(), c.b(), o.points(), HP_DIGITS);
                method += "; " + HP_DIGITS + "-digit re-fit";
            } catch (RuntimeException e) {
                method += "; no " + HP_DIGITS + "-digit value (" + e.getMessage() + ")";
            }
        } else method += "; no high-precision evaluator";
        Double dv = f.derivative() == null ? null : derivativeVariation(f, c);
        return new Finding(c.test(), c.a(), c.b(), c.variation(), c.tolerance(), c.constants(), method, hpVar, dv);
    }

    /**
     * The identity itself with the fitted constants: variation of h' (AFFINE) or of (x + c2) h'(x) + h(x) (MOBIUS) over the
     * window, relative to the size of its terms.
     */
    static double derivativeVariation(Subject f, Finding c) {
        double[] x = samplePoints(c.a(), c.b(), 24);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, scale = 0;
        for (double xi : x) {
            double d = f.derivative().applyAsDouble(xi), h = f.h().applyAsDouble(xi);
            double g = c.test() == Test.AFFINE ? d : (xi + c.constants()[0]) * d + h;
            double s = c.test() == Test.AFFINE ? Math.abs(d) : Math.abs((xi + c.constants()[0]) * d) + Math.abs(h);
            min = Math.min(min, g);
            max = Math.max(max, g);
            scale = Math.max(scale, s);
        }
        return scale == 0 ? 0 : (max - min) / scale;
    }

    /** The window's variation recomputed with 60-digit values of h and a 60-digit least-squares fit. */
    public static double hpVariation(UnaryOperator<Dfp> hp, Test test, double a, double b, int m) {
        return hpVariation(hp, test, a, b, m, HighPrecision.DEFAULT_DIGITS);
    }

    /** The window's variation recomputed with values of h and a least-squares fit (Householder QR) in {@code digits} digits. */
    public static double hpVariation(UnaryOperator<Dfp> hp, Test test, double a, double b, int m, int digits) {
        HighPrecision p = new HighPrecision(digits);
        double[] x = samplePoints(a, b, m);
        Dfp mid = p.of(a).add(p.of(b)).divide(2), half = p.of(b).subtract(p.of(a)).divide(2);
        Dfp[] t = new Dfp[m], y = new Dfp[m];
        Dfp scale = p.zero();
        for (int i = 0; i < m; i++) {
            Dfp xi = p.of(x[i]);
            t[i] = xi.subtract(mid).divide(half);
            y[i] = hp.apply(xi);
            if (y[i].abs().greaterThan(scale)) scale = y[i].abs();
        }
        Dfp[] one = new Dfp[m];
        for (int i = 0; i < m; i++) one[i] = p.one();
        Dfp worst = p.zero(), terms = p.zero();
        if (test == Test.AFFINE) {
            Dfp[] c = hpLeastSquares(new Dfp[][] {one, t}, y);
            for (int i = 0; i < m; i++) {
                Dfp r = y[i].subtract(c[0]).subtract(c[1].multiply(t[i])).abs();
                if (r.greaterThan(worst)) worst = r;
            }
            terms = scale;
        } else {
            Dfp[] ty = new Dfp[m];
            for (int i = 0; i < m; i++) ty[i] = t[i].multiply(y[i]);
            Dfp[] c = hpLeastSquares(new Dfp[][] {y, t, one}, ty);
            for (int i = 0; i < m; i++) {
                Dfp r = ty[i].subtract(c[0].multiply(y[i])).subtract(c[1].multiply(t[i])).subtract(c[2]).abs();
                if (r.greaterThan(worst)) worst = r;
                Dfp s = ty[i].abs().add(c[0].multiply(y[i]).abs()).add(c[1].multiply(t[i]).abs()).add(c[2].abs());
                if (s.greaterThan(terms)) terms = s;
            }
        }
        return terms.isZero() ? 0 : worst.divide(terms).toDouble();
    }

    /**
     * Least squares of y on the given columns by Hipparchus' Householder QR in Dfp; a column whose R pivot falls to the
     * arithmetic's rounding level relative to the column (dependent on the earlier ones, e.g. h constant) gets coefficient 0.
     */
    static Dfp[] hpLeastSquares(Dfp[][] cols, Dfp[] y) {
        Dfp zero = y[0].getZero();
        Dfp rounding = zero.newInstance("1e-" + (zero.getField().getRadixDigits() * 4 - 10));
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < cols.length; j++) {
            kept.add(j);
            Dfp[][] a = new Dfp[y.length][kept.size()];
            for (int i = 0; i < y.length; i++) for (int c = 0; c < kept.size(); c++) a[i][c] = cols[kept.get(c)][i];
            FieldMatrix<Dfp> r = new FieldQRDecomposition<>(new Array2DRowFieldMatrix<>(a, false)).getR();
            Dfp norm = zero;
            for (Dfp x : cols[j]) norm = norm.add(x.multiply(x));
            if (!r.getEntry(kept.size() - 1, kept.size() - 1).abs().greaterThan(norm.sqrt().multiply(rounding))) kept.remove(kept.size() - 1);
        }
        Dfp[] coef = new Dfp[cols.length];
        java.util.Arrays.fill(coef, zero);
        if (kept.isEmpty()) return coef;
        Dfp[][] a = new Dfp[y.length][kept.size()];
        for (int i = 0; i < y.length; i++) for (int c = 0; c < kept.size(); c++) a[i][c] = cols[kept.get(c)][i];
        FieldVector<Dfp> x = new FieldQRDecomposition<>(new Array2DRowFieldMatrix<>(a, false)).getSolver().solve(new ArrayFieldVector<>(y, false));
        for (int c = 0; c < kept.size(); c++) coef[kept.get(c)] = x.getEntry(c);
        return coef;
    }

    static double[] ones(int m) {
        double[] o = new double[m];
        java.util.Arrays.fill(o, 1);
        return o;
    }

    /**
     * Least squares of y on the given columns by EJML's QR with column pivoting (backward stable for the residual); a
     * column dependent on the others gets no weight (e.g. h = 0).
     */
    static double[] leastSquares(double[][] cols, double[] y) {
        int k = cols.length, m = y.length;
        DMatrixRMaj a = new DMatrixRMaj(m, k), b = new DMatrixRMaj(m, 1, true, y), x = new DMatrixRMaj(k, 1);
        for (int j = 0; j < k; j++) for (int i = 0; i < m; i++) a.set(i, j, cols[j][i]);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        if (!solver.setA(a)) return new double[k];
        solver.solve(b, x);
        return x.data.clone();
    }

    /** Command line: the same as {@code harness c1 ACTIVATION[' ] [--from LO] [--to HI]} ({@link C1Command}). */
    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "c1";
        System.arraycopy(args, 0, all, 1, args.length);
        System.exit(overparam.cli.Main.run(all));
    }
}
