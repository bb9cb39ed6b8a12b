package overparam.nn;

import org.ejml.data.DMatrixRMaj;
import overparam.linalg.Linalg;

/**
 * A map theta in R^p -> f(theta) in R^n with targets y, trained on L(theta) = 1/2 ||f(theta) - y||^2.
 * Implementations give the residual and the gradient J^T r; the Jacobian is optional (checks only, never in GD loops).
 */
public interface LeastSquaresModel {
    int parameterCount();

    int sampleCount();

    /** r(theta) = f(theta) - y. */
    double[] residual(double[] theta);

    /** grad L = J(theta)^T r. */
    double[] gradient(double[] theta, double[] residual);

    /** J(theta), n x p. */
    DMatrixRMaj jacobian(double[] theta);

    /** grad of f_i at theta (row i of J); used by SGD. */
    default double[] sampleGradient(double[] theta, int i) {
        DMatrixRMaj j = jacobian(theta);
        double[] row = new double[j.numCols];
        System.arraycopy(j.data, i * j.numCols, row, 0, j.numCols);
        return row;
    }

    default double loss(double[] theta) {
        double r = Linalg.norm(residual(theta));
        return 0.5 * r * r;
    }
}
