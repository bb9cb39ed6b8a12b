package overparam.gauss;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.regression.SimpleRegression;

/** Least-squares fits for scaling claims: y = a + b x, and power laws y ~ c x^b by a fit in log-log space. */
public final class Fits {
    private Fits() {}

    /** Slope b with its two-sided confidence interval at {@code confidence}, intercept a, and R^2. */
    public record Line(double slope, double slopeLow, double slopeHigh, double intercept, double rSquared, long points) {
        public boolean slopeInterval(double value) {
            return value >= slopeLow && value <= slopeHigh;
        }
    }

    public static Line line(double[] x, double[] y, double confidence) {
        if (x.length != y.length) throw new IllegalArgumentException("fit: x and y differ in length");
        if (x.length < 3) throw new IllegalArgumentException("fit: need at least 3 points, got " + x.length);
        SimpleRegression r = new SimpleRegression(true);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) throw new IllegalArgumentException("fit: non-finite point " + i);
            r.addData(x[i], y[i]);
        }
        double se = r.getSlopeStdErr();
        double t = new TDistribution(x.length - 2).inverseCumulativeProbability(0.5 + confidence / 2);
        double half = Double.isNaN(se) ? 0 : t * se;
        return new Line(r.getSlope(), r.getSlope() - half, r.getSlope() + half, r.getIntercept(), r.getRSquare(), x.length);
    }

    /** Exponent b of y ~ c x^b (all values must be positive). */
    public static Line powerLaw(double[] x, double[] y, double confidence) {
        double[] lx = new double[x.length], ly = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(y[i] > 0)) throw new IllegalArgumentException("power-law fit needs positive data, got (" + x[i] + ", " + y[i] + ")");
            lx[i] = Math.log(x[i]);
            ly[i] = Math.log(y[i]);
        }
        return line(lx, ly, confidence);
    }
}
