package overparam.claims.oymak;

import org.hipparchus.dfp.Dfp;
import overparam.claims.Certificate;
import overparam.claims.Evidence;
import overparam.linalg.HighPrecision;
import overparam.nn.Activation;
import overparam.nn.DfpActivations;

/**
 * 60-digit (Dfp) re-evaluations of the foundation's oymak claims, from the instance's doubles taken as exact. Each
 * returns the claim's margin computed independently in high precision, with a tolerance of 1e-40 relative to the
 * claim's scale (high-precision rounding only), so a violation is certified only if its sign survives. Unit-row
 * hypotheses are re-imposed exactly (rows divided by their 60-digit norms): a double cannot be exactly unit, and the
 * claim is about the unit vectors it rounds. Returns null (no route) for activations without a Dfp implementation.
 */
final class Certifiers {
    private Certifiers() {}

    private static final String REL = "1e-40";

    private static Certificate of(HighPrecision hp, String method, Dfp margin, Dfp scale, String note) {
        Dfp s = scale.abs().greaterThan(hp.one()) ? scale.abs() : hp.one();
        return Certificate.of(method, hp.digits(), HighPrecision.toBigDecimal(margin),
                HighPrecision.toBigDecimal(s.multiply(hp.of(REL))).round(new java.math.MathContext(3)), note);
    }

    // ---- small Dfp helpers ----

    private static Dfp frob(HighPrecision hp, Dfp[][] a) {
        Dfp s = hp.zero();
        for (Dfp[] row : a) for (Dfp v : row) s = s.add(v.multiply(v));
        return s.sqrt();
    }

    private static Dfp maxAbs(HighPrecision hp, Dfp[] v) {
        Dfp m = hp.zero();
        for (Dfp e : v) if (e.abs().greaterThan(m)) m = e.abs();
        return m;
    }

    private static Dfp min(Dfp a, Dfp b) {
        return a.lessThan(b) ? a : b;
    }

    private static Dfp[][] unitRows(HighPrecision hp, double[][] x) {
        Dfp[][] u = hp.of(x);
        for (Dfp[] row : u) {
            Dfp n = hp.dot(row, row).sqrt();
            if (n.isZero()) continue;
            for (int k = 0; k < row.length; k++) row[k] = row[k].divide(n);
        }
        return u;
    }

    /** Row-wise Khatri-Rao product: row i is kron(a_i, b_i). */
    private static Dfp[][] khatriRao(Dfp[][] a, Dfp[][] b) {
        Dfp[][] out = new Dfp[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new Dfp[a[i].length * b[i].length];
            for (int p = 0; p < a[i].length; p++)
                for (int q = 0; q < b[i].length; q++) out[i][p * b[i].length + q] = a[i][p].multiply(b[i][q]);
        }
        return out;
    }

    private static Dfp[][] hadamardPower(HighPrecision hp, Dfp[][] a, int r) {
        Dfp[][] out = a;
        for (int t = 1; t < r; t++) out = hp.hadamard(out, a);
        return out;
    }

    /** z = W X^T entries z[i][l] = w_l . x_i, exactly from the doubles. */
    private static Dfp[][] preActivations(HighPrecision hp, Dfp[][] x, Dfp[][] w) {
        Dfp[][] z = new Dfp[x.length][w.length];
        for (int i = 0; i < x.length; i++)
            for (int l = 0; l < w.length; l++) z[i][l] = hp.dot(w[l], x[i]);
        return z;
    }

    /** D[i][l] = v_l phi'(w_l . x_i). */
    private static Dfp[][] weightedDerivatives(HighPrecision hp, Activation a, Dfp[][] z, Dfp[] v) {
        Dfp[][] d = new Dfp[z.length][v.length];
        for (int i = 0; i < z.length; i++)
            for (int l = 0; l < v.length; l++) d[i][l] = v[l].multiply(DfpActivations.d1(hp, a, z[i][l]));
        return d;
    }

    /** The explicit Jacobian, row i = (diag(v) phi'(W x_i)) kron x_i (row-major vect(W)). */
    private static Dfp[][] jacobian(Dfp[][] d, Dfp[][] x) {
        return khatriRao(d, x);
    }

    // ---- oymak/N1, N2 ----

    /** oymak/N1: both sides of (A*B)(A*B)^T = (AA^T) o (BB^T) in 60 digits. */
    static Certificate khatriRaoGram(MatrixPair pr, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] a = hp.of(pr.a()), b = hp.of(pr.b());
        Dfp[][] lhs = hp.gram(khatriRao(a, b)), rhs = hp.hadamard(hp.gram(a), hp.gram(b));
        Dfp scale = frob(hp, a).multiply(frob(hp, a)).multiply(frob(hp, b)).multiply(frob(hp, b));
        return of(hp, "Dfp products", frob(hp, hp.minus(lhs, rhs)).negate(), scale, "-||(A*B)(A*B)^T - (AA^T)o(BB^T)||_F");
    }

    /** oymak/N2: X^{*r} X^{*r}^T against (XX^T)^{o r} in 60 digits. */
    static Certificate khatriRaoPowers(DataInstance inst, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] x = hp.of(inst.data().x());
        Dfp[][] kr = x;
        for (int t = 1; t < inst.r(); t++) kr = khatriRao(kr, x);
        Dfp[][] diff = hp.minus(hp.gram(kr), hadamardPower(hp, hp.gram(x), inst.r()));
        Dfp fx = frob(hp, x);
        return of(hp, "Dfp products", frob(hp, diff).negate(), hp.pow(fx, 2 * inst.r()), "-||X^{*r}X^{*r}^T - (XX^T)^{o r}||_F");
    }

    // ---- oymak/N3, N4, N5 ----

    private static final String FD_STEP = "1e-12";

    /** Fourth-order central difference of g at 0 with step h: truncation h^4 |g^(5)|/30, rounding 1e-60/h. */
    private static Dfp centralDifference(java.util.function.UnaryOperator<Dfp> g, Dfp h) {
        Dfp p1 = g.apply(h), m1 = g.apply(h.negate()), p2 = g.apply(h.multiply(2)), m2 = g.apply(h.multiply(-2));
        return p1.subtract(m1).multiply(8).subtract(p2.subtract(m2)).divide(h.multiply(12));
    }

    /**
     * oymak/N3: the analytic J(W) against 60-digit finite differences of f(W) = phi(XW^T)v (step 1e-12: error about
     * 1e-48 of the scale). f_i depends on w_lj only through z_il = w_l . x_i, so each entry is a one-variable difference.
     */
    static Certificate jacobianLayout(NetInstance inst, Evidence e) {
        Activation a = inst.act();
        if (!DfpActivations.has(a)) return null;
        HighPrecision hp = new HighPrecision();
        Dfp[][] x = hp.of(inst.x()), w = hp.of(inst.w());
        Dfp[] v = hp.of(inst.v());
        Dfp[][] z = preActivations(hp, x, w);
        Dfp[][] j = jacobian(weightedDerivatives(hp, a, z, v), x);
        Dfp h = hp.of(FD_STEP);
        int d = x[0].length;
        Dfp err = hp.zero();
        for (int i = 0; i < x.length; i++)
            for (int l = 0; l < w.length; l++)
                for (int c = 0; c < d; c++) {
                    Dfp zil = z[i][l], xic = x[i][c], vl = v[l];
                    Dfp fd = centralDifference(t -> vl.multiply(DfpActivations.phi(hp, a, zil.add(t.multiply(xic)))), h);
                    Dfp diff = j[i][l * d + c].subtract(fd);
                    err = err.add(diff.multiply(diff));
                }
        return of(hp, "Dfp Jacobian and 60-digit finite differences", err.sqrt().negate(), frob(hp, j).add(hp.one()),
                "-||J(W) - J_fd||_F");
    }

    /**
     * oymak/N4: grad L(W) = diag(v) phi'(WX^T) diag(r) X against 60-digit finite differences of L and against J^T r.
     */
    static Certificate gradient(NetInstance inst, Evidence e) {
        Activation a = inst.act();
        if (!DfpActivations.has(a)) return null;
        HighPrecision hp = new HighPrecision();
        Dfp[][] x = hp.of(inst.x()), w = hp.of(inst.w());
        Dfp[] v = hp.of(inst.v()), y = hp.of(inst.y());
        int n = x.length, k = w.length, d = x[0].length;
        Dfp[][] z = preActivations(hp, x, w);
        Dfp[][] phi = new Dfp[n][k];
        Dfp[] r = new Dfp[n];
        for (int i = 0; i < n; i++) {
            Dfp f = hp.zero();
            for (int l = 0; l < k; l++) {
                phi[i][l] = DfpActivations.phi(hp, a, z[i][l]);
                f = f.add(v[l].multiply(phi[i][l]));
            }
            r[i] = f.subtract(y[i]);
        }
        Dfp[][] dv = weightedDerivatives(hp, a, z, v);
        Dfp[][] j = jacobian(dv, x);
        Dfp h = hp.of(FD_STEP);
        Dfp errFd = hp.zero(), errJtr = hp.zero(), gNorm = hp.zero();
        for (int l = 0; l < k; l++)
            for (int c = 0; c < d; c++) {
                Dfp g = hp.zero(), jtr = hp.zero();
                for (int i = 0; i < n; i++) {
                    g = g.add(dv[i][l].multiply(r[i]).multiply(x[i][c]));
                    jtr = jtr.add(j[i][l * d + c].multiply(r[i]));
                }
                final int ll = l, cc = c;
                Dfp fd = centralDifference(t -> {
                    Dfp loss = hp.zero();
                    for (int i = 0; i < n; i++) {
                        Dfp moved = DfpActivations.phi(hp, a, z[i][ll].add(t.multiply(x[i][cc])));
                        Dfp ri = r[i].add(v[ll].multiply(moved.subtract(phi[i][ll])));
                        loss = loss.add(ri.multiply(ri));
                    }
                    return loss.divide(2);
                }, h);
                errFd = errFd.add(g.subtract(fd).multiply(g.subtract(fd)));
                errJtr = errJtr.add(g.subtract(jtr).multiply(g.subtract(jtr)));
                gNorm = gNorm.add(g.multiply(g));
            }
        Dfp loss = hp.dot(r, r).divide(2);
        Dfp margin = min(errFd.sqrt().negate(), errJtr.sqrt().negate());
        return of(hp, "Dfp gradient, 60-digit finite differences and J^T r", margin, gNorm.sqrt().add(loss).add(hp.one()),
                "-max(||grad L - FD||, ||grad L - J^T r||)");
    }

    /** oymak/N5: JJ^T from the explicit Khatri-Rao J, from the Hadamard identity and as sum_l v_l^2 D_l XX^T D_l. */
    static Certificate jacobianGram(NetInstance inst, Evidence e) {
        Activation a = inst.act();
        if (!DfpActivations.has(a)) return null;
        HighPrecision hp = new HighPrecision();
        Dfp[][] x = hp.of(inst.x()), w = hp.of(inst.w());
        Dfp[] v = hp.of(inst.v());
        int n = x.length;
        Dfp[][] z = preActivations(hp, x, w);
        Dfp[][] dv = weightedDerivatives(hp, a, z, v);
        Dfp[][] j = jacobian(dv, x);
        Dfp[][] explicit = hp.gram(j);
        Dfp[][] xxt = hp.gram(x);
        Dfp[][] hadamard = hp.hadamard(hp.gram(dv), xxt);
        Dfp[][] sum = new Dfp[n][n];
        for (Dfp[] row : sum) java.util.Arrays.fill(row, hp.zero());
        for (int l = 0; l < w.length; l++)
            for (int i = 0; i < n; i++)
                for (int m = 0; m < n; m++) {
                    Dfp di = DfpActivations.d1(hp, a, z[i][l]), dm = DfpActivations.d1(hp, a, z[m][l]);
                    sum[i][m] = sum[i][m].add(v[l].multiply(v[l]).multiply(di).multiply(xxt[i][m]).multiply(dm));
                }
        Dfp margin = min(frob(hp, hp.minus(explicit, hadamard)).negate(), frob(hp, hp.minus(explicit, sum)).negate());
        Dfp fj = frob(hp, j);
        return of(hp, "Dfp Jacobian Gram, three routes", margin, fj.multiply(fj), "-max of the two Frobenius differences");
    }

    // ---- oymak/N8 ----

    /** oymak/N8: lambda_min((XX^T)^{o2}) and lambda_min of the explicit (X*X)(X*X)^T, by 60-digit inertia bisection. */
    static Certificate khatriRaoRank(DataInstance inst, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] x = hp.of(inst.data().x());
        Dfp[][] g2 = hadamardPower(hp, hp.gram(x), 2);
        Dfp[][] explicit = hp.gram(khatriRao(x, x));
        Dfp margin = min(hp.lambdaMin(g2).negate(), hp.lambdaMin(explicit).negate());
        return of(hp, "Dfp inertia bisection", margin, frob(hp, g2), "-lambda_min((XX^T)^{o2}) (both routes; 0 when X*X is rank deficient)");
    }

    // ---- oymak/def-6.1 ----

    /** Sigma(X) in 60 digits for ReLU (arc-cosine kernel) and phi' = Phi (arcsine kernel), rows normalised exactly. */
    private static Dfp[][] sigma(HighPrecision hp, Activation a, double[][] xd) {
        String base = a.base().name();
        if (!base.equals("relu") && !base.equals("gausscdf")) return null;
        Dfp[][] x = unitRows(hp, xd);
        int n = x.length;
        Dfp s2 = hp.of(a.scale()).multiply(hp.of(a.scale()));
        Dfp[][] s = new Dfp[n][n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) {
                Dfp rho = i == j ? hp.one() : hp.dot(x[i], x[j]);
                if (rho.greaterThan(hp.one())) rho = hp.one();
                if (rho.lessThan(hp.one().negate())) rho = hp.one().negate();
                Dfp kernel = base.equals("relu")
                        ? hp.pi().subtract(angle(hp, x[i], x[j])).divide(hp.pi().multiply(2))
                        : hp.one().divide(4).add(hp.asin(rho.divide(2)).divide(hp.pi().multiply(2)));
                s[i][j] = s[j][i] = s2.multiply(kernel).multiply(rho);
            }
        return s;
    }

    /** The angle 2 atan(||a - b|| / ||a + b||) between unit vectors: exact at 0 and pi, where acos(rho) loses half the digits. */
    private static Dfp angle(HighPrecision hp, Dfp[] a, Dfp[] b) {
        Dfp minus = hp.zero(), plus = hp.zero();
        for (int k = 0; k < a.length; k++) {
            Dfp m = a[k].subtract(b[k]), p = a[k].add(b[k]);
            minus = minus.add(m.multiply(m));
            plus = plus.add(p.multiply(p));
        }
        if (plus.isZero()) return hp.pi();
        return hp.atan(minus.sqrt().divide(plus.sqrt())).multiply(2);
    }

    /** E phi'(g)^2: 1/2 for ReLU, 1/3 for Phi (times s^2). */
    private static Dfp meanSquareD1(HighPrecision hp, Activation a) {
        Dfp s2 = hp.of(a.scale()).multiply(hp.of(a.scale()));
        return s2.multiply(a.base().name().equals("relu") ? hp.one().divide(2) : hp.one().divide(3));
    }

    static Certificate psdDiagonal(DataInstance inst, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] s = sigma(hp, inst.act(), inst.data().x());
        if (s == null) return null;
        Dfp c = meanSquareD1(hp, inst.act()), err = hp.zero();
        for (int i = 0; i < s.length; i++) if (s[i][i].subtract(c).abs().greaterThan(err)) err = s[i][i].subtract(c).abs();
        return of(hp, "Dfp closed-form kernel, inertia bisection", min(hp.lambdaMin(s), err.negate()), c,
                "min(lambda_min(Sigma), -max|Sigma_ii - E phi'^2|)");
    }

    static Certificate lambdaBelowB2(DataInstance inst, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] s = sigma(hp, inst.act(), inst.data().x());
        if (s == null) return null;
        Dfp b = DfpActivations.supD1(hp, inst.act());
        Dfp margin = min(s[0][0].subtract(hp.lambdaMin(s)), b.multiply(b).subtract(s[0][0]));
        return of(hp, "Dfp closed-form kernel, inertia bisection", margin, b.multiply(b), "min(Sigma_11 - lambda, B^2 - Sigma_11)");
    }

    static Certificate duplicatesZero(DataInstance inst, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] s = sigma(hp, inst.act(), inst.data().x());
        if (s == null) return null;
        return of(hp, "Dfp closed-form kernel, inertia bisection", hp.lambdaMin(s).abs().negate(), meanSquareD1(hp, inst.act()),
                "-|lambda(X)|");
    }

    static Certificate orthonormal(DataInstance inst, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] s = sigma(hp, inst.act(), inst.data().x());
        if (s == null) return null;
        Dfp c = meanSquareD1(hp, inst.act());
        for (int i = 0; i < s.length; i++) s[i][i] = s[i][i].subtract(c);
        return of(hp, "Dfp closed-form kernel", frob(hp, s).negate(), c, "-||Sigma - E phi'^2 I||_F");
    }

    // ---- oymak/assumption-1 ----

    private static Dfp pairSeparation(HighPrecision hp, Dfp[] a, Dfp[] b) {
        Dfp minus = hp.zero(), plus = hp.zero();
        for (int k = 0; k < a.length; k++) {
            Dfp m = a[k].subtract(b[k]), p = a[k].add(b[k]);
            minus = minus.add(m.multiply(m));
            plus = plus.add(p.multiply(p));
        }
        return min(minus, plus).sqrt();
    }

    /** 1 - |x_i^T x_j| = sep_ij^2/2 and sep <= sqrt 2, for the exactly normalised rows. */
    static Certificate separationIdentity(DataInstance inst, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] x = unitRows(hp, inst.data().x());
        Dfp err = hp.zero(), sep = null;
        for (int i = 0; i < x.length; i++)
            for (int j = i + 1; j < x.length; j++) {
                Dfp s = pairSeparation(hp, x[i], x[j]);
                Dfp gap = hp.one().subtract(hp.dot(x[i], x[j]).abs()).subtract(s.multiply(s).divide(2)).abs();
                if (gap.greaterThan(err)) err = gap;
                if (sep == null || s.lessThan(sep)) sep = s;
            }
        Dfp margin = sep == null ? err.negate() : min(err.negate(), hp.of(2).sqrt().subtract(sep));
        return of(hp, "Dfp, rows normalised exactly", margin, hp.one(), "min(-max gap of the identity, sqrt 2 - sep(X))");
    }

    /** sep(X) >= delta for the generator's rows as they are. */
    static Certificate separatedGenerator(DataInstance inst, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] x = hp.of(inst.data().x());
        Dfp sep = null;
        for (int i = 0; i < x.length; i++)
            for (int j = i + 1; j < x.length; j++) {
                Dfp s = pairSeparation(hp, x[i], x[j]);
                if (sep == null || s.lessThan(sep)) sep = s;
            }
        if (sep == null) return null;
        Dfp delta = hp.of(((Number) inst.data().params().get("delta")).doubleValue());
        return of(hp, "Dfp", sep.subtract(delta), hp.one(), "sep(X) - delta");
    }

    // ---- oymak/lemma-6.6, lemma-6.8 ----

    /** oymak/lemma-6.6: ||J(W)|| from the 60-digit Hadamard Gram against sqrt(k) B ||v||_inf ||X|| (or B ||v||_2 ||X||). */
    static Certificate spectralNorm(NetInstance inst, boolean sharper) {
        Activation a = inst.act();
        if (!DfpActivations.has(a) || a.base().name().equals("quadratic")) return null;
        HighPrecision hp = new HighPrecision();
        Dfp[][] x = hp.of(inst.x()), w = hp.of(inst.w());
        Dfp[] v = hp.of(inst.v());
        Dfp[][] dv = weightedDerivatives(hp, a, preActivations(hp, x, w), v);
        Dfp[][] xxt = hp.gram(x);
        Dfp jNorm = sqrtNonNegative(hp, hp.lambdaMax(hp.hadamard(hp.gram(dv), xxt)));
        Dfp xNorm = sqrtNonNegative(hp, hp.lambdaMax(xxt));
        Dfp b = DfpActivations.supD1(hp, a);
        Dfp bound = sharper ? b.multiply(hp.dot(v, v).sqrt()).multiply(xNorm)
                : hp.of(w.length).sqrt().multiply(b).multiply(maxAbs(hp, v)).multiply(xNorm);
        return of(hp, "Dfp Hadamard Gram, inertia bisection", bound.subtract(jNorm), bound,
                sharper ? "B ||v||_2 ||X|| - ||J||" : "sqrt(k) B ||v||_inf ||X|| - ||J||");
    }

    /** oymak/lemma-6.8: ||J(W~) - J(W)|| against M ||v||_inf ||X|| ||W~ - W||_F, rows normalised exactly, M exact. */
    static Certificate lipschitz(WeightPair pr, Evidence e) {
        Activation a = pr.act();
        if (!DfpActivations.has(a) || a.base().name().equals("relu")) return null;
        HighPrecision hp = new HighPrecision();
        Dfp[][] x = unitRows(hp, pr.x()), w = hp.of(pr.w()), w2 = hp.of(pr.w2());
        Dfp[] v = hp.of(pr.v());
        Dfp[][] d1 = weightedDerivatives(hp, a, preActivations(hp, x, w), v), d2 = weightedDerivatives(hp, a, preActivations(hp, x, w2), v);
        Dfp[][] xxt = hp.gram(x);
        Dfp lhs = sqrtNonNegative(hp, hp.lambdaMax(hp.hadamard(hp.gram(hp.minus(d2, d1)), xxt)));
        Dfp dw = frob(hp, hp.minus(w2, w));
        Dfp rhs = DfpActivations.supD2(hp, a).multiply(maxAbs(hp, v)).multiply(sqrtNonNegative(hp, hp.lambdaMax(xxt))).multiply(dw);
        return of(hp, "Dfp derivatives, inertia bisection", rhs.subtract(lhs), maxAbs(hp, v).multiply(sqrtNonNegative(hp, hp.lambdaMax(xxt))),
                "M ||v||_inf ||X|| ||W~ - W||_F - ||J(W~) - J(W)||");
    }

    private static Dfp sqrtNonNegative(HighPrecision hp, Dfp x) {
        return x.negativeOrNull() ? hp.zero() : x.sqrt();
    }
}
