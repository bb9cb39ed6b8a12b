package overparam.claims.golikov;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import overparam.linalg.Linalg;
import overparam.nn.LeastSquaresModel;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The training path to (near) zero loss for the claims that need a minimiser: Hipparchus's Levenberg-Marquardt on a
 * {@link LeastSquaresModel} (residual and exact Jacobian), and its non-linear conjugate gradient for scalar losses
 * such as cross-entropy. The tolerances ask for convergence to rounding level; the iteration budget is the only cap.
 */
final class Fitting {
    private Fitting() {}

    /** The end point of a run: parameters, loss 1/2 ||r||^2, gradient norm, iterations used. */
    record Fit(double[] theta, double loss, double gradientNorm, int iterations) {}

    /** Levenberg-Marquardt on 1/2 ||r(theta)||^2 from theta0, at most {@code maxIterations} iterations. */
    static Fit levenbergMarquardt(LeastSquaresModel model, double[] theta0, int maxIterations) {
        double[][] best = {theta0.clone(), {Double.POSITIVE_INFINITY}};
        LeastSquaresBuilder b = new LeastSquaresBuilder()
                .model(point -> {
                    double[] theta = point.toArray();
                    double[] r = model.residual(theta);
                    double rn = Linalg.norm(r);
                    if (rn < best[1][0]) {
                        best[0] = theta.clone();
                        best[1][0] = rn;
                    }
                    DMatrixRMaj j = model.jacobian(theta);
                    return new Pair<RealVector, RealMatrix>(new ArrayRealVector(r, false),
                            new Array2DRowRealMatrix(Linalg.toArray(j), false));
                })
                .target(new double[model.sampleCount()])
                .start(theta0)
                .maxEvaluations(Integer.MAX_VALUE)
                .maxIterations(maxIterations)
                .lazyEvaluation(false);
        LevenbergMarquardtOptimizer lm = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-15).withParameterRelativeTolerance(1e-15).withOrthoTolerance(1e-15);
        double[] theta;
        int iterations;
        try {
            LeastSquaresOptimizer.Optimum o = lm.optimize(b.build());
            theta = o.getPoint().toArray();
            iterations = o.getIterations();
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            // iteration budget exhausted: keep the best point evaluated (callers certify what they use)
            theta = best[0];
            iterations = maxIterations;
        }
        return fit(model, theta, iterations);
    }

    static Fit fit(LeastSquaresModel model, double[] theta, int iterations) {
        double[] r = model.residual(theta);
        double rn = Linalg.norm(r);
        return new Fit(theta, 0.5 * rn * rn, Linalg.norm(model.gradient(theta, r)), iterations);
    }

    /**
     * Polak-Ribiere non-linear conjugate gradient minimising f (with exact gradient) from x0, stopping when
     * {@code converged} accepts (iteration, previous, current); null if the iteration budget runs out first.
     */
    static PointValuePair conjugateGradient(ToDoubleFunction<double[]> f, Function<double[], double[]> gradient, double[] x0,
                                            int maxIterations, org.hipparchus.optim.ConvergenceChecker<PointValuePair> converged) {
        NonLinearConjugateGradientOptimizer cg = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, converged);
        try {
            return cg.optimize(new MaxEval(Integer.MAX_VALUE), new MaxIter(maxIterations),
                    new ObjectiveFunction(f::applyAsDouble), new ObjectiveFunctionGradient(gradient::apply),
                    GoalType.MINIMIZE, new InitialGuess(x0));
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            return null;
        }
    }

    /** Stops when the relative change of the value is below 1e-13 (a finite minimiser reached to rounding). */
    static org.hipparchus.optim.ConvergenceChecker<PointValuePair> valueConverged() {
        return new SimpleValueChecker(1e-13, 1e-300);
    }
}
