package overparam.nn;

import overparam.linalg.Linalg;

import java.util.Random;

/** Full-batch gradient descent and single-sample SGD on 1/2 ||f(theta) - y||^2, recording a {@link Trace}. */
public final class Trainer {
    private Trainer() {}

    /** Called after each step with the new iterate; return false to stop early. */
    @FunctionalInterface
    public interface Observer {
        boolean after(int tau, double[] theta, double[] residual);
    }

    /** Step size for iterate tau (constant for the papers' GD; edmonds' rule depends on the Jacobian). */
    @FunctionalInterface
    public interface StepSize {
        double at(int tau, double[] theta, double[] residual);

        static StepSize constant(double eta) {
            if (!(eta > 0) || !Double.isFinite(eta)) throw new IllegalArgumentException("step size must be positive and finite, got " + eta);
            return (tau, theta, r) -> eta;
        }
    }

    /** theta_{tau+1} = theta_tau - eta grad L(theta_tau), at most {@code steps} steps. */
    public static Trace gradientDescent(LeastSquaresModel model, double[] theta0, StepSize eta, int steps,
                                        double relativeTarget, Observer observer) {
        int p = model.parameterCount();
        if (theta0.length != p) throw new IllegalArgumentException("theta0: expected " + p + " entries, got " + theta0.length);
        double[] theta = theta0.clone();
        double[] rNorm = new double[steps + 1], dist = new double[steps + 1], path = new double[steps + 1];
        double[] r = model.residual(theta);
        rNorm[0] = Linalg.norm(r);
        double[] diff = new double[p];
        int last = 0;
        boolean diverged = false;
        for (int tau = 0; tau < steps; tau++) {
            if (rNorm[tau] <= relativeTarget * rNorm[0]) break;
            double step = eta.at(tau, theta, r);
            double[] g = model.gradient(theta, r);
            double stepNorm = 0;
            for (int i = 0; i < p; i++) {
                double delta = step * g[i];
                theta[i] -= delta;
                stepNorm += delta * delta;
                diff[i] = theta[i] - theta0[i];
            }
            r = model.residual(theta);
            last = tau + 1;
            rNorm[last] = Linalg.norm(r);
            dist[last] = Linalg.norm(diff);
            path[last] = path[tau] + Math.sqrt(stepNorm);
            if (!Double.isFinite(rNorm[last])) {
                diverged = true;
                break;
            }
            if (observer != null && !observer.after(last, theta, r)) break;
        }
        return new Trace(rNorm, dist, path, theta, diverged).truncate(last + 1);
    }

    public static Trace gradientDescent(LeastSquaresModel model, double[] theta0, double eta, int steps) {
        return gradientDescent(model, theta0, StepSize.constant(eta), steps, 0.0, null);
    }

    /**
     * SGD (oymak 2.9): gamma_tau uniform on samples, theta <- theta - eta r_gamma grad f_gamma(theta).
     * The trace records the full residual after every step.
     */
    public static Trace sgd(LeastSquaresModel model, double[] theta0, double eta, int steps, Random rng, Observer observer) {
        int p = model.parameterCount(), n = model.sampleCount();
        if (theta0.length != p) throw new IllegalArgumentException("theta0: expected " + p + " entries, got " + theta0.length);
        double[] theta = theta0.clone();
        double[] rNorm = new double[steps + 1], dist = new double[steps + 1], path = new double[steps + 1];
        double[] r = model.residual(theta);
        rNorm[0] = Linalg.norm(r);
        double[] diff = new double[p];
        int last = 0;
        boolean diverged = false;
        for (int tau = 0; tau < steps; tau++) {
            int i = rng.nextInt(n);
            double[] gi = model.sampleGradient(theta, i);
            double stepNorm = 0;
            for (int q = 0; q < p; q++) {
                double delta = eta * r[i] * gi[q];
                theta[q] -= delta;
                stepNorm += delta * delta;
                diff[q] = theta[q] - theta0[q];
            }
            r = model.residual(theta);
            last = tau + 1;
            rNorm[last] = Linalg.norm(r);
            dist[last] = Linalg.norm(diff);
            path[last] = path[tau] + Math.sqrt(stepNorm);
            if (!Double.isFinite(rNorm[last])) {
                diverged = true;
                break;
            }
            if (observer != null && !observer.after(last, theta, r)) break;
        }
        return new Trace(rNorm, dist, path, theta, diverged).truncate(last + 1);
    }
}
