package overparam.gauss;

import org.hipparchus.special.Erf;

/** Standard normal pdf and cdf. */
public final class Normal {
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

    private Normal() {}

    public static double pdf(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    public static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }
}
