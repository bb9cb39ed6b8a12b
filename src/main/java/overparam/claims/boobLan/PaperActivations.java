package overparam.claims.boobLan;

import org.hipparchus.dfp.Dfp;
import org.hipparchus.dfp.DfpMath;
import org.hipparchus.special.Erf;
import overparam.claims.BadInput;
import overparam.claims.boobLan.PaperActivation.Piece;
import overparam.nn.Activation;
import overparam.nn.Activations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The activations of boob-lan section 4 (with the PDF damage fixed, catalogue section 1.1), the C1 violators of the
 * catalogue's rank table (linear, affine, constant, q/x, ReLU, Moebius maps), x^2, x^3, ln|x|, and the harness library
 * ones, each with 60-digit evaluators and the suprema of the catalogue's Lemma 5.4 table.
 */
public final class PaperActivations {
    private PaperActivations() {}

    private static final double SQRT2 = Math.sqrt(2), SQRT3 = Math.sqrt(3), SQRT_PI = Math.sqrt(Math.PI);
    private static final double INF = Double.POSITIVE_INFINITY;

    static Dfp c(Dfp x, double v) {
        return x.getField().newDfp(v);
    }

    static Dfp c(Dfp x, String v) {
        return x.getField().newDfp(v);
    }

    static Dfp tanh(Dfp x) {
        Dfp e = DfpMath.exp(x.multiply(2));
        return x.getOne().subtract(c(x, 2).divide(e.add(1)));
    }

    static Dfp sigmoid(Dfp x) {
        return x.getOne().divide(DfpMath.exp(x.negate()).add(1));
    }

    /**
     * sqrt(2) erf(x / sqrt 2) = (2/sqrt pi) int_0^x e^{-t^2/2} dt: Taylor series for |x| <= 8 (at most 14 of the digits
     * lost to cancellation), else sqrt 2 (1 - erfc(|x|/sqrt 2)) with erfc from its Laplace continued fraction
     * e^{-y^2}/sqrt(pi) / (y + (1/2)/(y + 1/(y + (3/2)/(y + ...)))), 600 terms evaluated backwards (y >= 5.6).
     */
    static Dfp paperErf(Dfp x) {
        Dfp pi = x.getField().getPi(), sqrt2 = c(x, 2).sqrt();
        if (Math.abs(x.toDouble()) > 8) {
            Dfp y = x.abs().divide(sqrt2), f = y;
            for (int k = 600; k >= 1; k--) f = y.add(c(x, k / 2.0).divide(f));
            Dfp erfc = DfpMath.exp(y.multiply(y).negate()).divide(pi.sqrt()).divide(f);
            Dfp r = sqrt2.multiply(x.getOne().subtract(erfc));
            return x.negativeOrNull() && !x.isZero() ? r.negate() : r;
        }
        Dfp x2 = x.multiply(x).divide(2);
        Dfp term = x, sum = x;
        for (int n = 1; n < 4000; n++) {
            term = term.multiply(x2).negate().divide(n);
            Dfp add = term.divide(2 * n + 1);
            sum = sum.add(add);
            if (add.isZero() || add.abs().lessThan(sum.abs().multiply(c(x, "1e-75")))) break;
        }
        return sum.multiply(2).divide(pi.sqrt());
    }

    public static final PaperActivation TANH = PaperActivation.builder("tanh", "tanh x")
            .fn(Math::tanh, z -> 1 - Math.tanh(z) * Math.tanh(z), z -> -2 * Math.tanh(z) * (1 - Math.tanh(z) * Math.tanh(z)))
            .hp(PaperActivations::tanh, x -> x.getOne().subtract(tanh(x).multiply(tanh(x))))
            .sups(1, 1, 4 / (3 * SQRT3), 1).analytic().build();

    public static final PaperActivation SIGMOID = PaperActivation.builder("sigmoid", "1/(1+e^-x)")
            .fn(Activations::sigmoid, z -> Activations.sigmoid(z) * (1 - Activations.sigmoid(z)),
                    z -> Activations.SIGMOID.d2(z))
            .hp(PaperActivations::sigmoid, x -> sigmoid(x).multiply(x.getOne().subtract(sigmoid(x))))
            .sups(1, 0.25, SQRT3 / 18, SQRT3 / 18).analytic().build();

    /** (1 - e^-x)/(1 + e^-x) = tanh(x/2). */
    public static final PaperActivation SIGMOID_SYM = PaperActivation.builder("sigmoid-sym", "(1-e^-x)/(1+e^-x) = tanh(x/2)")
            .fn(z -> Math.tanh(z / 2), z -> 0.5 * (1 - Math.tanh(z / 2) * Math.tanh(z / 2)),
                    z -> -0.5 * Math.tanh(z / 2) * (1 - Math.tanh(z / 2) * Math.tanh(z / 2)))
            .hp(x -> tanh(x.divide(2)), x -> x.getOne().subtract(tanh(x.divide(2)).multiply(tanh(x.divide(2)))).divide(2))
            .sups(1, 0.5, 1 / (3 * SQRT3), 0.25).analytic().build();

    public static final PaperActivation SOFTPLUS = PaperActivation.builder("softplus", "ln(1+e^x)")
            .fn(Activations.SOFTPLUS::phi, Activations.SOFTPLUS::d1, Activations.SOFTPLUS::d2)
            .hp(x -> x.greaterThan(x.getZero()) ? x.add(DfpMath.log(DfpMath.exp(x.negate()).add(1))) : DfpMath.log(DfpMath.exp(x).add(1)),
                    PaperActivations::sigmoid)
            .sups(INF, 1, 0.25, INF).analytic().build();

    public static final PaperActivation GAUSSIAN = PaperActivation.builder("gaussian", "e^{-x^2}")
            .fn(z -> Math.exp(-z * z), z -> -2 * z * Math.exp(-z * z), z -> (4 * z * z - 2) * Math.exp(-z * z))
            .hp(x -> DfpMath.exp(x.multiply(x).negate()), x -> x.multiply(-2).multiply(DfpMath.exp(x.multiply(x).negate())))
            .sups(1, Math.sqrt(2 / Math.E), 2, 2).analytic().build();

    public static final PaperActivation GAUSSIAN_SYM = PaperActivation.builder("gaussian-sym", "2e^{-x^2} - 1")
            .fn(z -> 2 * Math.exp(-z * z) - 1, z -> -4 * z * Math.exp(-z * z), z -> 2 * (4 * z * z - 2) * Math.exp(-z * z))
            .hp(x -> DfpMath.exp(x.multiply(x).negate()).multiply(2).subtract(1), x -> x.multiply(-4).multiply(DfpMath.exp(x.multiply(x).negate())))
            .sups(1, 2 * Math.sqrt(2 / Math.E), 4, 4).analytic().build();

    /** x/(2(1+|x|)) + 1/2: on x > 0 it equals (2x+1)/(2x+2), a Moebius map; on x < 0, 1/(2(1-x)). */
    public static final PaperActivation ELLIOT = PaperActivation.builder("elliot", "x/(2(1+|x|)) + 0.5")
            .fn(z -> z / (2 * (1 + Math.abs(z))) + 0.5, z -> 0.5 / ((1 + Math.abs(z)) * (1 + Math.abs(z))),
                    z -> -Math.signum(z) / Math.pow(1 + Math.abs(z), 3))
            .hp(x -> x.divide(x.abs().add(1).multiply(2)).add(c(x, 0.5)), x -> c(x, 0.5).divide(x.abs().add(1).multiply(x.abs().add(1))))
            .sups(1, 0.5, 1, 1).kinks(0)
            .pieces(List.of(Piece.mobius(-INF, 0, 0, -0.5, -1), Piece.mobius(0, INF, 1, 0.5, 1)),
                    List.of(Piece.other(-INF, 0), Piece.other(0, INF)))
            .build();

    /** x/(1+|x|): on x > 0 it equals x/(x+1), a Moebius map ((x+1)h' + h = 1); on x < 0, x/(1-x). */
    public static final PaperActivation ELLIOT_SYM = PaperActivation.builder("elliot-sym", "x/(1+|x|)")
            .fn(z -> z / (1 + Math.abs(z)), z -> 1 / ((1 + Math.abs(z)) * (1 + Math.abs(z))), z -> -2 * Math.signum(z) / Math.pow(1 + Math.abs(z), 3))
            .hp(x -> x.divide(x.abs().add(1)), x -> x.getOne().divide(x.abs().add(1).multiply(x.abs().add(1))))
            .sups(1, 1, 2, 2).kinks(0)
            .pieces(List.of(Piece.mobius(-INF, 0, -1, 0, -1), Piece.mobius(0, INF, 1, 0, 1)),
                    List.of(Piece.other(-INF, 0), Piece.other(0, INF)))
            .build();

    /** The paper's "Erf": (2/sqrt pi) int_0^x e^{-t^2/2} dt = sqrt 2 erf(x / sqrt 2) (not the standard erf). */
    public static final PaperActivation ERF = PaperActivation.builder("erf", "(2/sqrt pi) int_0^x e^{-t^2/2} dt")
            .fn(z -> SQRT2 * Erf.erf(z / SQRT2), z -> 2 / SQRT_PI * Math.exp(-z * z / 2), z -> -z * 2 / SQRT_PI * Math.exp(-z * z / 2))
            .hp(PaperActivations::paperErf, x -> DfpMath.exp(x.multiply(x).divide(2).negate()).multiply(2).divide(x.getField().getPi().sqrt()))
            .sups(SQRT2, 2 / SQRT_PI, 2 / SQRT_PI * Math.exp(-0.5), 4 / Math.PI).analytic().build();

    // ---- beyond the paper's list: C1 violators and satisfiers of the catalogue's rank table ----

    public static final PaperActivation LINEAR = PaperActivation.builder("linear", "2x")
            .fn(z -> 2 * z, z -> 2, z -> 0).hp(x -> x.multiply(2), x -> c(x, 2)).sups(INF, 2, 0, INF).analytic()
            .pieces(List.of(Piece.affine(-INF, INF, 2, 0)), List.of(Piece.affine(-INF, INF, 0, 2))).build();

    public static final PaperActivation AFFINE = PaperActivation.builder("affine", "2x + 1")
            .fn(z -> 2 * z + 1, z -> 2, z -> 0).hp(x -> x.multiply(2).add(1), x -> c(x, 2)).sups(INF, 2, 0, INF).analytic()
            .pieces(List.of(Piece.affine(-INF, INF, 2, 1)), List.of(Piece.affine(-INF, INF, 0, 2))).build();

    public static final PaperActivation CONSTANT = PaperActivation.builder("constant", "0.7")
            .fn(z -> 0.7, z -> 0, z -> 0).hp(x -> c(x, "0.7"), x -> x.getZero()).sups(0.7, 0, 0, 0).analytic()
            .pieces(List.of(Piece.affine(-INF, INF, 0, 0.7)), List.of(Piece.affine(-INF, INF, 0, 0))).build();

    /** q/x with q = 1: a Moebius map with pole at 0 (undefined at 0; the data generators avoid it). */
    public static final PaperActivation RECIPROCAL = PaperActivation.builder("reciprocal", "1/x")
            .fn(z -> 1 / z, z -> -1 / (z * z), z -> 2 / (z * z * z)).hp(x -> x.getOne().divide(x), x -> x.getOne().divide(x.multiply(x)).negate())
            .sups(INF, INF, INF, INF).kinks(0)
            .pieces(List.of(Piece.mobius(-INF, 0, 0, 1, 0), Piece.mobius(0, INF, 0, 1, 0)), List.of(Piece.other(-INF, 0), Piece.other(0, INF)))
            .build();

    /** 1 + 1/x: Moebius with pole at 0 but a non-zero asymptote (full rank in the catalogue's table). */
    public static final PaperActivation SHIFTED_RECIPROCAL = PaperActivation.builder("shifted-reciprocal", "1 + 1/x")
            .fn(z -> 1 + 1 / z, z -> -1 / (z * z), z -> 2 / (z * z * z)).hp(x -> x.getOne().divide(x).add(1), x -> x.getOne().divide(x.multiply(x)).negate())
            .sups(INF, INF, INF, INF).kinks(0)
            .pieces(List.of(Piece.mobius(-INF, 0, 1, 1, 0), Piece.mobius(0, INF, 1, 1, 0)), List.of(Piece.other(-INF, 0), Piece.other(0, INF)))
            .build();

    /** 1/(x+1): Moebius with pole at -1 (x > -1 in the generators). */
    public static final PaperActivation MOBIUS = PaperActivation.builder("mobius", "1/(x+1)")
            .fn(z -> 1 / (z + 1), z -> -1 / ((z + 1) * (z + 1)), z -> 2 / Math.pow(z + 1, 3))
            .hp(x -> x.getOne().divide(x.add(1)), x -> x.getOne().divide(x.add(1).multiply(x.add(1))).negate())
            .sups(INF, INF, INF, INF).kinks(-1)
            .pieces(List.of(Piece.mobius(-INF, -1, 0, 1, 1), Piece.mobius(-1, INF, 0, 1, 1)), List.of(Piece.other(-INF, -1), Piece.other(-1, INF)))
            .build();

    /** (2x+1)/(x+3). */
    public static final PaperActivation MOBIUS2 = PaperActivation.builder("mobius2", "(2x+1)/(x+3)")
            .fn(z -> (2 * z + 1) / (z + 3), z -> 5 / ((z + 3) * (z + 3)), z -> -10 / Math.pow(z + 3, 3))
            .hp(x -> x.multiply(2).add(1).divide(x.add(3)), x -> c(x, 5).divide(x.add(3).multiply(x.add(3))))
            .sups(INF, INF, INF, INF).kinks(-3)
            .pieces(List.of(Piece.mobius(-INF, -3, 2, 1, 3), Piece.mobius(-3, INF, 2, 1, 3)), List.of(Piece.other(-INF, -3), Piece.other(-3, INF)))
            .build();

    public static final PaperActivation SQUARE = PaperActivation.builder("square", "x^2")
            .fn(z -> z * z, z -> 2 * z, z -> 2).hp(x -> x.multiply(x), x -> x.multiply(2)).sups(INF, INF, 2, INF).analytic()
            .pieces(List.of(Piece.other(-INF, INF)), List.of(Piece.affine(-INF, INF, 2, 0))).build();

    public static final PaperActivation CUBE = PaperActivation.builder("cube", "x^3")
            .fn(z -> z * z * z, z -> 3 * z * z, z -> 6 * z).hp(x -> x.multiply(x).multiply(x), x -> x.multiply(x).multiply(3))
            .sups(INF, INF, INF, INF).analytic().build();

    /** ln|x|: satisfies C1, but h' = 1/x is the Moebius map q/x (catalogue P002-09). */
    public static final PaperActivation LOG_ABS = PaperActivation.builder("log-abs", "ln|x|")
            .fn(z -> Math.log(Math.abs(z)), z -> 1 / z, z -> -1 / (z * z)).hp(x -> DfpMath.log(x.abs()), x -> x.getOne().divide(x))
            .sups(INF, INF, INF, INF).kinks(0)
            .pieces(List.of(Piece.other(-INF, 0), Piece.other(0, INF)), List.of(Piece.mobius(-INF, 0, 0, 1, 0), Piece.mobius(0, INF, 0, 1, 0)))
            .build();

    public static final PaperActivation RELU = PaperActivation.builder("relu", "max(x, 0)")
            .fn(Activations.RELU::phi, Activations.RELU::d1, z -> 0)
            .hp(x -> x.greaterThan(x.getZero()) ? x : x.getZero(), x -> x.negativeOrNull() && !x.isZero() ? x.getZero() : x.getOne())
            .sups(INF, 1, INF, INF).kinks(0)
            .pieces(List.of(Piece.affine(-INF, 0, 0, 0), Piece.affine(0, INF, 1, 0)), List.of(Piece.affine(-INF, 0, 0, 0), Piece.affine(0, INF, 0, 1)))
            .build();

    public static final PaperActivation LEAKY_RELU = PaperActivation.builder("leaky-relu", "max(x, 0.1x)")
            .fn(z -> z > 0 ? z : 0.1 * z, z -> z >= 0 ? 1 : 0.1, z -> 0)
            .hp(x -> x.greaterThan(x.getZero()) ? x : x.multiply(c(x, "0.1")), x -> x.negativeOrNull() && !x.isZero() ? c(x, "0.1") : x.getOne())
            .sups(INF, 1, INF, INF).kinks(0)
            .pieces(List.of(Piece.affine(-INF, 0, 0.1, 0), Piece.affine(0, INF, 1, 0)), List.of(Piece.affine(-INF, 0, 0, 0.1), Piece.affine(0, INF, 0, 1)))
            .build();

    public static final PaperActivation HARD_TANH = PaperActivation.builder("hard-tanh", "max(-1, min(1, x))")
            .fn(z -> Math.max(-1, Math.min(1, z)), z -> Math.abs(z) <= 1 ? 1 : 0, z -> 0)
            .sups(1, 1, INF, INF).kinks(-1, 1)
            .pieces(List.of(Piece.affine(-INF, -1, 0, -1), Piece.affine(-1, 1, 1, 0), Piece.affine(1, INF, 0, 1)),
                    List.of(Piece.affine(-INF, -1, 0, 0), Piece.affine(-1, 1, 0, 1), Piece.affine(1, INF, 0, 0)))
            .build();

    public static final PaperActivation HARD_SIGMOID = PaperActivation.builder("hard-sigmoid", "max(0, min(1, x/4 + 1/2))")
            .fn(z -> Math.max(0, Math.min(1, z / 4 + 0.5)), z -> Math.abs(z) <= 2 ? 0.25 : 0, z -> 0)
            .sups(1, 0.25, INF, INF).kinks(-2, 2)
            .pieces(List.of(Piece.affine(-INF, -2, 0, 0), Piece.affine(-2, 2, 0.25, 0.5), Piece.affine(2, INF, 0, 1)),
                    List.of(Piece.affine(-INF, -2, 0, 0), Piece.affine(-2, 2, 0, 0.25), Piece.affine(2, INF, 0, 0)))
            .build();

    public static final PaperActivation SIN = PaperActivation.builder("sin", "sin x")
            .fn(Math::sin, Math::cos, z -> -Math.sin(z)).hp(DfpMath::sin, DfpMath::cos).sups(1, 1, 1, 1).analytic().build();

    public static final PaperActivation IDENTITY = PaperActivation.builder("identity", "x")
            .fn(z -> z, z -> 1, z -> 0).hp(x -> x, x -> x.getOne()).sups(INF, 1, 0, INF).analytic()
            .pieces(List.of(Piece.affine(-INF, INF, 1, 0)), List.of(Piece.affine(-INF, INF, 0, 1))).build();

    // ---- the rest of the harness library (overparam.nn.Activations), with 60-digit evaluators ----

    /** z^2/2 (library "quadratic"). */
    public static final PaperActivation QUADRATIC = PaperActivation.builder("quadratic", "x^2/2")
            .fn(Activations.QUADRATIC::phi, Activations.QUADRATIC::d1, Activations.QUADRATIC::d2)
            .hp(x -> x.multiply(x).divide(2), x -> x).sups(INF, INF, 1, INF).analytic()
            .pieces(List.of(Piece.other(-INF, INF)), List.of(Piece.affine(-INF, INF, 1, 0))).build();

    /** x Phi(x) + pdf(x) (library "gausscdf"); Phi via the paper-erf series: Phi = (1 + erf_paper(x)/sqrt 2)/2. */
    public static final PaperActivation GAUSS_CDF_INTEGRAL = PaperActivation.builder("gausscdf", "x Phi(x) + pdf(x)")
            .fn(Activations.GAUSS_CDF_INTEGRAL::phi, Activations.GAUSS_CDF_INTEGRAL::d1, Activations.GAUSS_CDF_INTEGRAL::d2)
            .hp(x -> x.multiply(hpPhi(x)).add(hpPdf(x)), PaperActivations::hpPhi)
            .sups(INF, 1, 1 / Math.sqrt(2 * Math.PI), INF).analytic().build();

    public static final PaperActivation STEP = PaperActivation.builder("step", "1{x >= 0}")
            .fn(Activations.STEP::phi, z -> 0, z -> 0).hp(x -> x.negativeOrNull() && !x.isZero() ? x.getZero() : x.getOne(), x -> x.getZero())
            .sups(1, 0, 0, INF).kinks(0)
            .pieces(List.of(Piece.affine(-INF, 0, 0, 0), Piece.affine(0, INF, 0, 1)), List.of(Piece.affine(-INF, 0, 0, 0), Piece.affine(0, INF, 0, 0)))
            .build();

    static Dfp hpPhi(Dfp x) {
        Dfp two = c(x, 2);
        return x.getOne().add(paperErf(x).divide(two.sqrt())).divide(2);
    }

    static Dfp hpPdf(Dfp x) {
        return DfpMath.exp(x.multiply(x).divide(2).negate()).divide(x.getField().getPi().multiply(2).sqrt());
    }

    /** The nine activations of boob-lan section 4, claimed to satisfy C1 together with their derivatives. */
    public static final List<PaperActivation> PAPER_LIST = List.of(SOFTPLUS, SIGMOID, SIGMOID_SYM, GAUSSIAN, GAUSSIAN_SYM, ELLIOT,
            ELLIOT_SYM, ERF, TANH);

    /** Real-analytic activations satisfying C1 for h and for h' (the catalogue's HOLD set for the rank lemmas). */
    public static final List<PaperActivation> ANALYTIC_C1 = List.of(TANH, SIGMOID, SOFTPLUS, GAUSSIAN, GAUSSIAN_SYM, SIGMOID_SYM, ERF);

    /** Bounded activations of Remark 5.5 with the suprema of the catalogue's Lemma 5.4 table. */
    public static final List<PaperActivation> BOUNDED = List.of(TANH, SIGMOID, SIGMOID_SYM, GAUSSIAN, GAUSSIAN_SYM, ERF, ELLIOT_SYM, ELLIOT);

    private static final Map<String, PaperActivation> BY_NAME = new LinkedHashMap<>();

    static {
        for (PaperActivation a : List.of(TANH, SIGMOID, SIGMOID_SYM, SOFTPLUS, GAUSSIAN, GAUSSIAN_SYM, ELLIOT, ELLIOT_SYM, ERF, LINEAR,
                AFFINE, CONSTANT, RECIPROCAL, SHIFTED_RECIPROCAL, MOBIUS, MOBIUS2, SQUARE, CUBE, LOG_ABS, RELU, LEAKY_RELU, HARD_TANH,
                HARD_SIGMOID, SIN, IDENTITY, QUADRATIC, GAUSS_CDF_INTEGRAL, STEP))
            BY_NAME.put(a.name(), a);
    }

    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }

    /** A boob-lan activation by name; "fat-cantor" and "fat-cantor-N" are the Smith-Volterra-Cantor bump functions. */
    public static PaperActivation byName(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        PaperActivation a = BY_NAME.get(s);
        if (a != null) return a;
        if (s.equals("fat-cantor")) return FatCantor.activation(FatCantor.MAX_DEPTH);
        if (s.startsWith("fat-cantor-")) {
            try {
                return FatCantor.activation(Integer.parseInt(s.substring("fat-cantor-".length())));
            } catch (NumberFormatException e) {
                throw new BadInput("bad depth in '" + name + "'");
            }
        }
        throw new BadInput("unknown boob-lan activation '" + name + "'; known: " + BY_NAME.keySet() + ", fat-cantor, fat-cantor-N");
    }

    /** Any activation: a boob-lan one, or one of the harness library (overparam.nn.Activations), for the C1 checker. */
    public static Activation anyByName(String name) {
        String s = name.trim().toLowerCase(Locale.ROOT);
        if (BY_NAME.containsKey(s) || s.startsWith("fat-cantor")) return byName(s);
        try {
            return Activations.byName(s);
        } catch (IllegalArgumentException e) {
            throw new BadInput("unknown activation '" + name + "'; boob-lan: " + BY_NAME.keySet() + ", fat-cantor, fat-cantor-N; library: "
                    + Activations.names() + " (or s*name)");
        }
    }
}
