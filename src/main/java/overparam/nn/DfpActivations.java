package overparam.nn;

import org.hipparchus.dfp.Dfp;
import overparam.linalg.HighPrecision;

import java.util.Set;

/**
 * phi, phi' and the constants B, M of the library's activations in high precision (Hipparchus Dfp), for certifiers.
 * Covered: identity, relu, softplus, tanh, sigmoid, sin, quadratic, gausscdf (phi' = Phi by its all-positive Taylor
 * series), and their scaled versions s * phi (s exact as a double). Others have no route: {@link #has} is false.
 */
public final class DfpActivations {
    private static final Set<String> BASES = Set.of("identity", "relu", "softplus", "tanh", "sigmoid", "sin", "quadratic", "gausscdf");

    private DfpActivations() {}

    public static boolean has(Activation a) {
        return BASES.contains(a.base().name());
    }

    private static String base(Activation a) {
        String n = a.base().name();
        if (!BASES.contains(n)) throw new UnsupportedOperationException("no high-precision route for activation " + a.name());
        return n;
    }

    public static Dfp phi(HighPrecision hp, Activation a, Dfp z) {
        Dfp v = switch (base(a)) {
            case "identity" -> z;
            case "relu" -> z.greaterThan(hp.zero()) ? z : hp.zero();
            case "softplus" -> z.greaterThan(hp.zero()) ? z.add(hp.log(hp.one().add(hp.exp(z.negate())))) : hp.log(hp.one().add(hp.exp(z)));
            case "tanh" -> {
                Dfp e = hp.exp(z.abs().multiply(-2));
                Dfp t = hp.one().subtract(e).divide(hp.one().add(e));
                yield z.negativeOrNull() && !z.isZero() ? t.negate() : t;
            }
            case "sigmoid" -> sigmoid(hp, z);
            case "sin" -> hp.sin(z);
            case "quadratic" -> z.multiply(z).divide(2);
            case "gausscdf" -> z.multiply(normalCdf(hp, z)).add(normalPdf(hp, z));
            default -> throw new IllegalStateException();
        };
        return scaled(hp, a, v);
    }

    /** phi'(z); ReLU's is 1{z >= 0} as in the double implementation. */
    public static Dfp d1(HighPrecision hp, Activation a, Dfp z) {
        Dfp v = switch (base(a)) {
            case "identity" -> hp.one();
            case "relu" -> z.negativeOrNull() && !z.isZero() ? hp.zero() : hp.one();
            case "softplus" -> sigmoid(hp, z);
            case "tanh" -> {
                Dfp e = hp.exp(z.abs().multiply(-2));
                Dfp d = hp.one().add(e);
                yield e.multiply(4).divide(d.multiply(d));
            }
            case "sigmoid" -> {
                Dfp e = hp.exp(z.abs().negate());
                Dfp d = hp.one().add(e);
                yield e.divide(d.multiply(d));
            }
            case "sin" -> hp.cos(z);
            case "quadratic" -> z;
            case "gausscdf" -> normalCdf(hp, z);
            default -> throw new IllegalStateException();
        };
        return scaled(hp, a, v);
    }

    /** sup |phi'| (the B of oymak Lemma 6.6), exactly; +infinity is not representable, so quadratic has no route. */
    public static Dfp supD1(HighPrecision hp, Activation a) {
        Dfp v = switch (base(a)) {
            case "identity", "relu", "softplus", "tanh", "sin", "gausscdf" -> hp.one();
            case "sigmoid" -> hp.one().divide(4);
            default -> throw new UnsupportedOperationException("sup |phi'| is infinite for " + a.name());
        };
        return scaled(hp, a, v).abs();
    }

    /** sup |phi''| (the M of oymak Lemma 6.8), exactly, for smooth activations. */
    public static Dfp supD2(HighPrecision hp, Activation a) {
        Dfp three = hp.of(3);
        Dfp v = switch (base(a)) {
            case "identity" -> hp.zero();
            case "softplus" -> hp.one().divide(4);
            case "tanh" -> hp.of(4).divide(three.multiply(three.sqrt()));
            case "sigmoid" -> hp.one().divide(hp.of(6).multiply(three.sqrt()));
            case "sin", "quadratic" -> hp.one();
            case "gausscdf" -> hp.one().divide(hp.pi().multiply(2).sqrt());
            default -> throw new UnsupportedOperationException("sup |phi''| is infinite for " + a.name());
        };
        return scaled(hp, a, v).abs();
    }

    private static Dfp scaled(HighPrecision hp, Activation a, Dfp v) {
        return a.scale() == 1.0 ? v : v.multiply(hp.of(a.scale()));
    }

    private static Dfp sigmoid(HighPrecision hp, Dfp z) {
        if (z.negativeOrNull() && !z.isZero()) {
            Dfp e = hp.exp(z);
            return e.divide(hp.one().add(e));
        }
        return hp.one().divide(hp.one().add(hp.exp(z.negate())));
    }

    public static Dfp normalPdf(HighPrecision hp, Dfp z) {
        return hp.exp(z.multiply(z).divide(2).negate()).divide(hp.pi().multiply(2).sqrt());
    }

    /**
     * Phi(z). For |z| < 5 the Taylor series 1/2 + pdf(z) sum_{n >= 0} z^{2n+1} / (2n+1)!! (every term has the sign of z;
     * the terms grow at most to e^{12.5}, costing 6 of the field's digits). For |z| >= 5 the tail 1 - Phi(|z|) = pdf(|z|) /
     * (|z| + 1/(|z| + 2/(|z| + ...))), Laplace's continued fraction, 250 levels (relative error below 1e-60 at |z| = 5,
     * smaller beyond), evaluated backward. Beyond |z| = 40 the tail is below e^{-800}.
     */
    public static Dfp normalCdf(HighPrecision hp, Dfp z) {
        Dfp forty = hp.of(40), five = hp.of(5);
        if (z.greaterThan(forty)) return hp.one();
        if (z.lessThan(forty.negate())) return hp.zero();
        Dfp x = z.abs();
        if (!x.lessThan(five)) {
            Dfp t = x;
            for (int k = 250; k >= 1; k--) t = x.add(hp.of(k).divide(t));
            Dfp tail = normalPdf(hp, x).divide(t);
            return z.negativeOrNull() ? tail : hp.one().subtract(tail);
        }
        Dfp z2 = z.multiply(z);
        Dfp term = z, sum = z;
        Dfp eps = hp.of("1e-" + (hp.digits() + 8));
        for (int n = 1; n < 10_000; n++) {
            term = term.multiply(z2).divide(hp.of(2 * n + 1));
            sum = sum.add(term);
            if (2 * n + 1 > 25 && term.abs().lessThan(sum.abs().multiply(eps))) break;
        }
        return hp.one().divide(2).add(normalPdf(hp, z).multiply(sum));
    }
}
