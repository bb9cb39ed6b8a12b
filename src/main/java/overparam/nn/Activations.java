package overparam.nn;

import overparam.gauss.Normal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The activation library, addressable by name ("softplus", "relu", "2*tanh", ...). */
public final class Activations {
    private Activations() {}

    public static final Activation SOFTPLUS = new Basic("softplus", 1.0, 0.25) {
        public double phi(double z) {
            return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }

        public double d1(double z) {
            return sigmoid(z);
        }

        public double d2(double z) {
            return sigmoidPrime(z);
        }
    };

    public static final Activation RELU = new Basic("relu", 1.0, Double.POSITIVE_INFINITY, 0.0) {
        public double phi(double z) {
            return z > 0 ? z : 0.0;
        }

        public double d1(double z) {
            return z >= 0 ? 1.0 : 0.0;
        }

        public double d2(double z) {
            return 0.0;
        }
    };

    /** sup |tanh''| = 4 / (3 sqrt 3) at tanh z = 1/sqrt 3. */
    public static final Activation TANH = new Basic("tanh", 1.0, 4 / (3 * Math.sqrt(3))) {
        public double phi(double z) {
            return Math.tanh(z);
        }

        public double d1(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }

        public double d2(double z) {
            double t = Math.tanh(z);
            return -2 * t * (1 - t * t);
        }
    };

    /** sup |sigma''| = 1 / (6 sqrt 3) at sigma = 1/2 +- 1/(2 sqrt 3). */
    public static final Activation SIGMOID = new Basic("sigmoid", 0.25, 1 / (6 * Math.sqrt(3))) {
        public double phi(double z) {
            return sigmoid(z);
        }

        public double d1(double z) {
            return sigmoidPrime(z);
        }

        /** sigma'(z) (1 - 2 sigma(z)) with 1 - 2 sigma(z) = -tanh(z/2): relative accuracy near z = 0 as well. */
        public double d2(double z) {
            return -sigmoidPrime(z) * Math.tanh(z / 2);
        }
    };

    /** z^2 / 2: phi' = z is unbounded (violates |phi'| <= B), Sigma = (X X^T)^{odot 2} exactly. */
    public static final Activation QUADRATIC = new Basic("quadratic", Double.POSITIVE_INFINITY, 1.0) {
        public double phi(double z) {
            return 0.5 * z * z;
        }

        public double d1(double z) {
            return z;
        }

        public double d2(double z) {
            return 1.0;
        }
    };

    /** z Phi(z) + pdf(z): phi' = Phi, phi'' = pdf; exact arcsine kernel. */
    public static final Activation GAUSS_CDF_INTEGRAL = new Basic("gausscdf", 1.0, 1 / Math.sqrt(2 * Math.PI)) {
        public double phi(double z) {
            return z * Normal.cdf(z) + Normal.pdf(z);
        }

        public double d1(double z) {
            return Normal.cdf(z);
        }

        public double d2(double z) {
            return Normal.pdf(z);
        }
    };

    public static final Activation SIN = new Basic("sin", 1.0, 1.0) {
        public double phi(double z) {
            return Math.sin(z);
        }

        public double d1(double z) {
            return Math.cos(z);
        }

        public double d2(double z) {
            return -Math.sin(z);
        }
    };

    public static final Activation IDENTITY = new Basic("identity", 1.0, 0.0) {
        public double phi(double z) {
            return z;
        }

        public double d1(double z) {
            return 1.0;
        }

        public double d2(double z) {
            return 0.0;
        }
    };

    /** Unit step 1{z >= 0}; phi' = 0 almost everywhere. */
    public static final Activation STEP = new Basic("step", 0.0, 0.0, 0.0) {
        public double phi(double z) {
            return z >= 0 ? 1.0 : 0.0;
        }

        public double d1(double z) {
            return 0.0;
        }

        public double d2(double z) {
            return 0.0;
        }
    };

    private static final Map<String, Supplier<Activation>> LIBRARY = new LinkedHashMap<>();

    static {
        for (Activation a : new Activation[] {SOFTPLUS, RELU, TANH, SIGMOID, QUADRATIC, GAUSS_CDF_INTEGRAL, SIN, IDENTITY, STEP})
            LIBRARY.put(a.name(), () -> a);
    }

    public static java.util.Set<String> names() {
        return LIBRARY.keySet();
    }

    /** Looks up "name" or "s*name" (scaled, e.g. "0.5*softplus"). */
    public static Activation byName(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        int star = s.indexOf('*');
        if (star > 0) {
            double scale;
            try {
                scale = Double.parseDouble(s.substring(0, star));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad activation scale in '" + spec + "'");
            }
            return scaled(scale, byName(s.substring(star + 1)));
        }
        Supplier<Activation> a = LIBRARY.get(s);
        if (a == null) throw new IllegalArgumentException("unknown activation '" + spec + "'; known: " + LIBRARY.keySet() + " (or s*name)");
        return a.get();
    }

    /** s * phi: B and M scale by |s|, Sigma by s^2 (the scale-invariance probes of oymak E3, E6, E7). */
    public static Activation scaled(double s, Activation base) {
        if (!Double.isFinite(s)) throw new IllegalArgumentException("activation scale must be finite, got " + s);
        if (s == 1.0) return base;
        return new Activation() {
            public String name() {
                return s + "*" + base.name();
            }

            public double phi(double z) {
                return s * base.phi(z);
            }

            public double d1(double z) {
                return s * base.d1(z);
            }

            public double d2(double z) {
                return s * base.d2(z);
            }

            public double supD1() {
                return Math.abs(s) * base.supD1();
            }

            public double supD2() {
                return Math.abs(s) * base.supD2();
            }

            public double[] kinks() {
                return base.kinks();
            }

            public double scale() {
                return s * base.scale();
            }

            public Activation base() {
                return base.base();
            }

            public boolean smooth() {
                return base.smooth();
            }

            public String toString() {
                return name();
            }
        };
    }

    public static double sigmoid(double z) {
        if (z >= 0) return 1 / (1 + Math.exp(-z));
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /**
     * sigma'(z) = sigma(z) sigma(-z) = e / (1 + e)^2 with e = exp(-|z|), to a few ulps relative for every z (one exp): s (1 - s)
     * loses it once sigma(z) rounds near 1 (about 1.5e-6 relative at z = 23, and 0 instead of e^-37 at z = 37).
     */
    public static double sigmoidPrime(double z) {
        double e = Math.exp(-Math.abs(z)), d = 1 + e;
        return e / (d * d);
    }

    private abstract static class Basic implements Activation {
        private final String name;
        private final double supD1, supD2;
        private final double[] kinks;

        Basic(String name, double supD1, double supD2, double... kinks) {
            this.name = name;
            this.supD1 = supD1;
            this.supD2 = supD2;
            this.kinks = kinks;
        }

        public String name() {
            return name;
        }

        public double supD1() {
            return supD1;
        }

        public double supD2() {
            return supD2;
        }

        public double[] kinks() {
            return kinks.clone();
        }

        public String toString() {
            return name;
        }
    }
}
