package overparam.claims.golikov;

import overparam.claims.BadInput;

/**
 * The catalogue's smooth test functions on R^2: K9 saddle functions for Lee et al. (C1) and their GD maps.
 * <ul>
 *   <li>{@code strict}: f = x^2/2 + y^4/4 - y^2/2, a strict saddle at 0, minima (0, +-1);</li>
 *   <li>{@code non-strict}: g = x^2 + y^3 + y^4, a degenerate (non-strict) saddle at 0 with Hessian diag(2, 0),
 *       the only local minimum at (0, -3/4); the C^2, bounded-below variant of x^2 + y^3.</li>
 * </ul>
 * On the box [-2,2]^2 the gradient is Lipschitz with L = 11 (strict) and L = 60 (non-strict).
 */
final class TestFunctions {
    private TestFunctions() {}

    static double value(String f, double x, double y) {
        return switch (f) {
            case "strict" -> 0.5 * x * x + 0.25 * y * y * y * y - 0.5 * y * y;
            case "non-strict" -> x * x + y * y * y + y * y * y * y;
            default -> throw new BadInput("unknown test function '" + f + "'");
        };
    }

    static double[] gradient(String f, double x, double y) {
        return switch (f) {
            case "strict" -> new double[] {x, y * y * y - y};
            case "non-strict" -> new double[] {2 * x, 3 * y * y + 4 * y * y * y};
            default -> throw new BadInput("unknown test function '" + f + "'");
        };
    }

    /** Lipschitz constant of the gradient on [-2,2]^2 (max |Hessian| there). */
    static double lipschitz(String f) {
        return switch (f) {
            case "strict" -> 11;
            case "non-strict" -> 60;
            default -> throw new BadInput("unknown test function '" + f + "'");
        };
    }

    static double[][] localMinimisers(String f) {
        return switch (f) {
            case "strict" -> new double[][] {{0, 1}, {0, -1}};
            case "non-strict" -> new double[][] {{0, -0.75}};
            default -> throw new BadInput("unknown test function '" + f + "'");
        };
    }

    /** Smallest Hessian eigenvalue at (x, y) (both Hessians are diagonal). */
    static double hessianMin(String f, double x, double y) {
        return switch (f) {
            case "strict" -> Math.min(1, 3 * y * y - 1);
            case "non-strict" -> Math.min(2, 6 * y + 12 * y * y);
            default -> throw new BadInput("unknown test function '" + f + "'");
        };
    }

    /** GD x_{k+1} = x_k - alpha grad f(x_k), {@code steps} steps; null if it leaves [-2,2]^2. */
    static double[] descend(String f, double x, double y, double alpha, int steps) {
        for (int k = 0; k < steps; k++) {
            double[] g = gradient(f, x, y);
            x -= alpha * g[0];
            y -= alpha * g[1];
            if (Math.abs(x) > 2 || Math.abs(y) > 2) return null;
        }
        return new double[] {x, y};
    }

    static double distanceToLocalMinimum(String f, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] m : localMinimisers(f)) best = Math.min(best, Math.hypot(x - m[0], y - m[1]));
        return best;
    }
}
