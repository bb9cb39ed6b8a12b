package overparam.claims.oymak;

import org.hipparchus.dfp.Dfp;
import overparam.linalg.HighPrecision;

import java.util.function.UnaryOperator;

/**
 * Gaussian integrals in 60-digit arithmetic for certificates: the normal cdf by its Taylor series, partial moments
 * int_a^b z^k pdf(z) dz (k = 0, 1, 2) for piecewise-polynomial integrands, and E f(g) for analytic f by the trapezoid
 * rule (exponentially accurate for integrands analytic in a strip).
 */
final class GaussDfp {
    private final HighPrecision hp;
    private final Dfp invSqrt2Pi;

    GaussDfp(HighPrecision hp) {
        this.hp = hp;
        this.invSqrt2Pi = hp.one().divide(hp.sqrt(hp.pi().multiply(hp.of(2))));
    }

    HighPrecision hp() {
        return hp;
    }

    Dfp pdf(Dfp z) {
        return hp.exp(z.multiply(z).multiply(hp.of(-0.5))).multiply(invSqrt2Pi);
    }

    /** Phi(t) = 1/2 + pdf-series; |t| <= 8 keeps 40+ of the 60 digits (terms peak near e^{t^2/2}). */
    Dfp cdf(Dfp t) {
        if (t.abs().greaterThan(hp.of(8))) throw new IllegalArgumentException("cdf series limited to |t| <= 8, got " + t);
        Dfp t2 = t.multiply(t);
        Dfp term = t, sum = hp.zero();
        Dfp eps = hp.of("1e-70");
        for (int n = 0; n < 2000; n++) {
            Dfp contrib = term.divide(hp.of(2L * n + 1));
            sum = sum.add(contrib);
            if (contrib.abs().lessThan(eps) && n > 2) break;
            term = term.multiply(t2).negate().divide(hp.of(2L * (n + 1)));
        }
        return hp.of(0.5).add(sum.multiply(invSqrt2Pi));
    }

    /** int_a^b z^k pdf(z) dz for k = 0, 1, 2; a = null means -infinity, b = null means +infinity. */
    Dfp[] partialMoments(Dfp a, Dfp b) {
        Dfp phiA = a == null ? hp.zero() : pdf(a), phiB = b == null ? hp.zero() : pdf(b);
        Dfp cdfA = a == null ? hp.zero() : cdf(a), cdfB = b == null ? hp.one() : cdf(b);
        Dfp m0 = cdfB.subtract(cdfA);
        Dfp m1 = phiA.subtract(phiB);
        Dfp aPhiA = a == null ? hp.zero() : a.multiply(phiA), bPhiB = b == null ? hp.zero() : b.multiply(phiB);
        Dfp m2 = m0.add(aPhiA).subtract(bPhiB);
        return new Dfp[] {m0, m1, m2};
    }

    /**
     * E f(g) by the trapezoid rule with step h on [-L, L]. For f analytic in the strip |Im z| < a and of moderate
     * growth the error is about exp(-2 pi a / h) plus the tail beyond L.
     */
    Dfp expectAnalytic(UnaryOperator<Dfp> f, double h, double range) {
        Dfp step = hp.of(h);
        int m = (int) Math.ceil(range / h);
        Dfp sum = hp.zero();
        for (int j = -m; j <= m; j++) {
            Dfp z = step.multiply(hp.of(j));
            sum = sum.add(f.apply(z).multiply(pdf(z)));
        }
        return sum.multiply(step);
    }

    /** softplus(z) = log(1 + e^z). */
    Dfp softplus(Dfp z) {
        return hp.log(hp.one().add(hp.exp(z)));
    }

    /** sigmoid(z) = 1 / (1 + e^{-z}). */
    Dfp sigmoid(Dfp z) {
        return hp.one().divide(hp.one().add(hp.exp(z.negate())));
    }
}
