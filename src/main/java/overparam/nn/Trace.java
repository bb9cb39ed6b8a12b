package overparam.nn;

import java.util.Arrays;

/**
 * What a training run leaves behind, per iterate tau = 0..T: ||r_tau||, ||theta_tau - theta_0||,
 * the path length sum_{s<tau} ||theta_{s+1} - theta_s||, and the final parameters.
 */
public record Trace(double[] residualNorm, double[] distance, double[] pathLength, double[] finalTheta, boolean diverged) {
    public int steps() {
        return residualNorm.length - 1;
    }

    public double initialResidual() {
        return residualNorm[0];
    }

    public double finalResidual() {
        return residualNorm[residualNorm.length - 1];
    }

    /** First iterate with ||r_tau|| <= target * ||r_0||, or -1. */
    public int firstBelow(double relativeTarget) {
        for (int t = 0; t < residualNorm.length; t++) if (residualNorm[t] <= relativeTarget * residualNorm[0]) return t;
        return -1;
    }

    Trace truncate(int length) {
        return new Trace(Arrays.copyOf(residualNorm, length), Arrays.copyOf(distance, length), Arrays.copyOf(pathLength, length), finalTheta, diverged);
    }
}
