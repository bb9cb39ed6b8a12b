package overparam.claims.oymak;

import overparam.nn.Activation;
import overparam.nn.Activations;

/**
 * The activation names of the convergence claims: the shared library plus log cosh (phi' = tanh, phi'' = sech^2, so
 * B = 1 and mu_phi = E sech^2(g) = 0.6057). Log cosh has the largest mu_phi / B of the smooth activations at hand, which
 * makes the width demanded by oymak Thm 2.1 the smallest one can test (softplus has mu_phi = 0.2066).
 */
final class ConvergenceActivations {
    private ConvergenceActivations() {}

    static final Activation LOG_COSH = new Activation() {
        private static final double LN2 = 0.6931471805599453;

        public String name() {
            return "logcosh";
        }

        public double phi(double z) {
            double a = Math.abs(z);
            return a + Math.log1p(Math.exp(-2 * a)) - LN2;
        }

        public double d1(double z) {
            return tanh(z);
        }

        public double d2(double z) {
            double t = tanh(z);
            return 1 - t * t;
        }

        /** tanh from one exponential of -2|z| (no overflow); within a few ulps of Math.tanh and cheaper. */
        private double tanh(double z) {
            double e = Math.exp(-2 * Math.abs(z)), t = (1 - e) / (1 + e);
            return z < 0 ? -t : t;
        }

        public double supD1() {
            return 1.0;
        }

        public double supD2() {
            return 1.0;
        }

        @Override
        public String toString() {
            return name();
        }
    };

    /** "logcosh", "s*logcosh", or any name of {@link Activations#byName}. */
    static Activation byName(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        int star = s.indexOf('*');
        String base = star > 0 ? s.substring(star + 1) : s;
        if (!base.equals("logcosh")) return Activations.byName(spec);
        if (star < 0) return LOG_COSH;
        return Activations.scaled(Double.parseDouble(s.substring(0, star)), LOG_COSH);
    }
}
