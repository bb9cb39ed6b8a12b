package overparam.nn;

import overparam.gauss.GaussianExpectation;

import java.util.function.DoubleUnaryOperator;

/**
 * An activation phi with its first two derivatives and the constants the papers use. Exact suprema are declared by each
 * activation; the Gaussian constants are computed by quadrature (split at the kinks) and cached.
 */
public interface Activation {
    String name();

    double phi(double z);

    /** phi'(z); for ReLU the generalised derivative 1{z >= 0} (oymak section 2.3). */
    double d1(double z);

    /** phi''(z), 0 away from kinks for piecewise-linear activations. */
    double d2(double z);

    /** sup |phi'|, +infinity if unbounded. */
    double supD1();

    /** sup |phi''| over the smooth part; +infinity for activations with a kink in phi' (ReLU) or unbounded phi''. */
    double supD2();

    /** Points where phi' or phi'' jump; quadrature splits there. */
    default double[] kinks() {
        return new double[0];
    }

    /** phi is twice continuously differentiable. */
    default boolean smooth() {
        return kinks().length == 0;
    }

    /** B of oymak: |phi'| <= B and, for smooth phi, |phi''| <= B. */
    default double bigB() {
        return smooth() ? Math.max(supD1(), supD2()) : supD1();
    }

    /** M of oymak Lemma 6.8: |phi''| <= M. */
    default double bigM() {
        return supD2();
    }

    /** s for a scaled activation s * base, else 1. */
    default double scale() {
        return 1.0;
    }

    /** The unscaled activation (this, unless scaled). */
    default Activation base() {
        return this;
    }

    default DoubleUnaryOperator phiFn() {
        return this::phi;
    }

    default DoubleUnaryOperator d1Fn() {
        return this::d1;
    }

    /** mu-tilde = E phi'(g). */
    default double muTilde() {
        return Constants.of(this).muTilde();
    }

    /** mu = E[g phi'(g)] (= E phi''(g) by Stein). */
    default double mu() {
        return Constants.of(this).mu();
    }

    /** E phi'(g)^2: the diagonal of Sigma(X). */
    default double meanSquareD1() {
        return Constants.of(this).meanSquareD1();
    }

    default double mean() {
        return Constants.of(this).mean();
    }

    /** E phi(g)^2: the diagonal of Sigma-tilde(X). */
    default double meanSquare() {
        return Constants.of(this).meanSquare();
    }

    default double variance() {
        Constants c = Constants.of(this);
        return c.meanSquare() - c.mean() * c.mean();
    }

    /** gamma_phi = (1/sqrt 2) E[phi(g)(g^2 - 1)] = mu_2(phi) (oymak section 3). */
    default double gamma() {
        return Constants.of(this).gamma();
    }

    /** Gaussian constants of an activation, computed once by quadrature. */
    record Constants(double muTilde, double mu, double meanSquareD1, double mean, double meanSquare, double gamma) {
        private static final java.util.Map<String, Constants> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static Constants of(Activation a) {
            return CACHE.computeIfAbsent(a.name(), k -> compute(a));
        }

        static Constants compute(Activation a) {
            double[] kinks = a.kinks();
            return new Constants(
                    GaussianExpectation.expect(a::d1, kinks),
                    GaussianExpectation.expect(z -> z * a.d1(z), kinks),
                    GaussianExpectation.expect(z -> a.d1(z) * a.d1(z), kinks),
                    GaussianExpectation.expect(a::phi, kinks),
                    GaussianExpectation.expect(z -> a.phi(z) * a.phi(z), kinks),
                    GaussianExpectation.expect(z -> a.phi(z) * (z * z - 1), kinks) / Math.sqrt(2));
        }
    }
}
