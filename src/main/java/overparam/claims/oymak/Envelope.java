package overparam.claims.oymak;

import overparam.claims.Evidence;
import overparam.linalg.Linalg;

/**
 * The convergence conclusions of oymak checked at EVERY iterate of a recorded run, each reduced to the iterate closest to
 * violation. Geometric rates are compared in log space (rate^tau underflows in long runs); the tolerance covers the
 * rounding of the computed residual norm only ({@code absTol}, from {@link #residualTolerance}).
 */
final class Envelope {
    private Envelope() {}

    /** Rounding of ||f(W) - y|| computed from sums of {@code terms} products of size about {@code scale}. */
    static double residualTolerance(double scale, int terms) {
        return Linalg.tolerance(scale, terms);
    }

    /**
     * ||r_tau||^power <= rate^tau ||r_0||^power for every tau (power 1: the printed unsquared rates; power 2: the
     * squared rate Thm 6.10 proves), in log space: power log||r_tau|| <= tau log(rate) + power log||r_0||.
     */
    static Evidence geometric(String label, double[] r, double rate, int power, double absTol) {
        if (!(rate > 0 && rate <= 1)) return Evidence.fact(label + " (rate factor " + rate + " not in (0, 1])", false);
        double logRate = Math.log(rate), log0 = Math.log(r[0]);
        int worstTau = r.length > 1 ? 1 : 0;
        double worstSlack = Double.POSITIVE_INFINITY, lhsW = 0, rhsW = 0, tolW = 0, maxRatio = 0;
        for (int t = r.length > 1 ? 1 : 0; t < r.length; t++) { // t = 0 is an identity
            double lhs = power * Math.log(r[t]);
            double rhs = t * logRate + power * log0;
            double tol = power * Math.log1p(absTol / Math.max(r[t] - absTol, Double.MIN_NORMAL)) + 4 * Linalg.EPS * t * Math.abs(logRate);
            double slack = rhs - lhs + tol;
            maxRatio = Math.max(maxRatio, Math.exp((lhs - rhs) / power));
            if (slack < worstSlack || Double.isNaN(lhs)) {
                worstSlack = Double.isNaN(lhs) ? Double.NEGATIVE_INFINITY : slack;
                worstTau = t;
                lhsW = lhs;
                rhsW = rhs;
                tolW = tol;
                if (Double.isNaN(lhs)) break;
            }
        }
        return Evidence.le(label, lhsW, rhsW, tolW).with("tau", worstTau).with("iterates", r.length)
                .with("max over tau of ||r_tau|| / claimed bound", maxRatio).with("compared", "log space");
    }

    /** coef * dist_tau + ||r_tau|| <= ||r_0|| for every tau. */
    static Evidence weightedDistance(String label, double[] r, double[] dist, double coef, double absTol) {
        int worst = r.length > 1 ? 1 : 0;
        double worstMargin = Double.POSITIVE_INFINITY, maxRatio = 0;
        for (int t = r.length > 1 ? 1 : 0; t < r.length; t++) { // t = 0 is an identity
            double lhs = coef * dist[t] + r[t];
            double m = r[0] - lhs;
            maxRatio = Math.max(maxRatio, lhs / r[0]);
            if (m < worstMargin || Double.isNaN(lhs)) {
                worstMargin = Double.isNaN(lhs) ? Double.NEGATIVE_INFINITY : m;
                worst = t;
                if (Double.isNaN(lhs)) break;
            }
        }
        double lhs = coef * dist[worst] + r[worst];
        return Evidence.le(label, lhs, r[0], absTol + Linalg.tolerance(lhs, r.length))
                .with("tau", worst).with("max over tau of lhs / ||r_0||", maxRatio);
    }

    /** The partial path lengths sum_{s < tau} ||theta_{s+1} - theta_s|| stay below the bound on the whole series. */
    static Evidence path(String label, double[] path, double bound) {
        double last = path[path.length - 1];
        return Evidence.le(label, last, bound, Linalg.tolerance(Math.max(last, bound), path.length))
                .with("ratio", last / bound).with("iterates", path.length);
    }

    /** max over tau of values[tau] <= bound (e.g. ||J(W_tau) - J(W0)|| <= alpha/3, ||J(W_tau)|| <= beta). */
    static Evidence maxBelow(String label, double[] values, double bound, double tol) {
        int worst = 0;
        for (int t = 1; t < values.length; t++) if (!(values[t] <= values[worst])) worst = t;
        return Evidence.le(label, values[worst], bound, tol).with("tau", worst).with("ratio", values[worst] / bound);
    }

    /** min over tau of values[tau] >= bound (e.g. sigma_min(J(W_tau)) >= alpha). */
    static Evidence minAbove(String label, double[] values, double bound, double tol) {
        int worst = 0;
        for (int t = 1; t < values.length; t++) if (!(values[t] >= values[worst])) worst = t;
        return Evidence.ge(label, values[worst], bound, tol).with("tau", worst).with("ratio", values[worst] / bound);
    }
}
