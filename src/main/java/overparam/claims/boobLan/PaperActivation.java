package overparam.claims.boobLan;

import org.hipparchus.dfp.Dfp;
import overparam.nn.Activation;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * An activation of boob-lan with what the paper's claims need beyond {@link Activation}: 60-digit evaluators of h and
 * h' (for certification), sup|h| and L_{hh'} of Lemma 5.4 (the catalogue's exact suprema table), whether h is real
 * analytic, and, for piecewise-defined h, its exact pieces (the C1 checker's exact reasoning).
 */
public final class PaperActivation implements Activation {
    /** The exact form of h on an open interval (from, to): affine a x + b, Moebius (a x + b)/(x + c), or neither. */
    public enum Form {AFFINE, MOBIUS, OTHER}

    public record Piece(double from, double to, Form form, double a, double b, double c) {
        public static Piece affine(double from, double to, double slope, double intercept) {
            return new Piece(from, to, Form.AFFINE, slope, intercept, 0);
        }

        public static Piece mobius(double from, double to, double a, double b, double c) {
            return new Piece(from, to, Form.MOBIUS, a, b, c);
        }

        public static Piece other(double from, double to) {
            return new Piece(from, to, Form.OTHER, 0, 0, 0);
        }

        public String formula() {
            return switch (form) {
                case AFFINE -> a + "*x + " + b;
                case MOBIUS -> "(" + a + "*x + " + b + ")/(x + " + c + ")";
                case OTHER -> "neither affine nor Moebius";
            };
        }
    }

    private final String name;
    private final String formula;
    private final DoubleUnaryOperator h, h1, h2;
    private final UnaryOperator<Dfp> hpH, hpH1;
    private final double supH, supD1, supD2, lipHHPrime;
    private final boolean analytic;
    private final double[] kinks;
    private final List<Piece> pieces, derivativePieces;

    private PaperActivation(Builder b) {
        this.name = b.name;
        this.formula = b.formula;
        this.h = b.h;
        this.h1 = b.h1;
        this.h2 = b.h2;
        this.hpH = b.hpH;
        this.hpH1 = b.hpH1;
        this.supH = b.supH;
        this.supD1 = b.supD1;
        this.supD2 = b.supD2;
        this.lipHHPrime = b.lipHHPrime;
        this.analytic = b.analytic;
        this.kinks = b.kinks;
        this.pieces = List.copyOf(b.pieces);
        this.derivativePieces = List.copyOf(b.derivativePieces);
    }

    static Builder builder(String name, String formula) {
        return new Builder(name, formula);
    }

    @Override
    public String name() {
        return name;
    }

    public String formula() {
        return formula;
    }

    @Override
    public double phi(double z) {
        return h.applyAsDouble(z);
    }

    @Override
    public double d1(double z) {
        return h1.applyAsDouble(z);
    }

    @Override
    public double d2(double z) {
        return h2.applyAsDouble(z);
    }

    @Override
    public double supD1() {
        return supD1;
    }

    /** sup |h''| = L_{h'} of Lemma 5.4 (one-sided values at kinks of h'' count). */
    @Override
    public double supD2() {
        return supD2;
    }

    /** sup |h| (the u of Lemma 5.7); +infinity when unbounded. */
    public double supAbs() {
        return supH;
    }

    /** L_{hh'} = sup_{x1,x2} ||grad (h(x1) h'(x2))||_2 of Lemma 5.4; +infinity when unbounded. */
    public double lipHHPrime() {
        return lipHHPrime;
    }

    public boolean analytic() {
        return analytic;
    }

    @Override
    public double[] kinks() {
        return kinks.clone();
    }

    /** Exact pieces of h (empty when not declared): an AFFINE or MOBIUS piece is an exact C1 violation. */
    public List<Piece> pieces() {
        return pieces;
    }

    public List<Piece> derivativePieces() {
        return derivativePieces;
    }

    public boolean hasHighPrecision() {
        return hpH != null && hpH1 != null;
    }

    public Dfp phi(Dfp x) {
        if (hpH == null) throw new UnsupportedOperationException("no high-precision evaluator for " + name);
        return hpH.apply(x);
    }

    public Dfp d1(Dfp x) {
        if (hpH1 == null) throw new UnsupportedOperationException("no high-precision evaluator for h' of " + name);
        return hpH1.apply(x);
    }

    /** The derivative h' as an activation-like function (for "h' satisfies C1" and the D matrix). */
    public DoubleUnaryOperator derivative() {
        return h1;
    }

    public UnaryOperator<Dfp> hpDerivative() {
        return hpH1;
    }

    @Override
    public String toString() {
        return name;
    }

    static final class Builder {
        private final String name, formula;
        private DoubleUnaryOperator h, h1, h2;
        private UnaryOperator<Dfp> hpH, hpH1;
        private double supH = Double.POSITIVE_INFINITY, supD1 = Double.POSITIVE_INFINITY, supD2 = Double.POSITIVE_INFINITY,
                lipHHPrime = Double.POSITIVE_INFINITY;
        private boolean analytic;
        private double[] kinks = new double[0];
        private List<Piece> pieces = List.of(), derivativePieces = List.of();

        Builder(String name, String formula) {
            this.name = name;
            this.formula = formula;
        }

        Builder fn(DoubleUnaryOperator h, DoubleUnaryOperator h1, DoubleUnaryOperator h2) {
            this.h = h;
            this.h1 = h1;
            this.h2 = h2;
            return this;
        }

        Builder hp(UnaryOperator<Dfp> h, UnaryOperator<Dfp> h1) {
            this.hpH = h;
            this.hpH1 = h1;
            return this;
        }

        /** sup|h|, sup|h'|, sup|h''| and L_{hh'}. */
        Builder sups(double supH, double supD1, double supD2, double lipHHPrime) {
            this.supH = supH;
            this.supD1 = supD1;
            this.supD2 = supD2;
            this.lipHHPrime = lipHHPrime;
            return this;
        }

        Builder analytic() {
            this.analytic = true;
            return this;
        }

        Builder kinks(double... k) {
            this.kinks = k;
            return this;
        }

        Builder pieces(List<Piece> p, List<Piece> dp) {
            this.pieces = p;
            this.derivativePieces = dp;
            return this;
        }

        PaperActivation build() {
            return new PaperActivation(this);
        }
    }
}
