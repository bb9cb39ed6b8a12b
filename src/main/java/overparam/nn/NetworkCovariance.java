package overparam.nn;

import org.ejml.data.DMatrixRMaj;
import overparam.gauss.HermiteKernel;
import overparam.gauss.Kernels;
import overparam.linalg.Linalg;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sigma(X) = E[(phi'(Xw) phi'(Xw)^T) odot X X^T] (oymak Def 6.1) and Sigma-tilde(X) = E[phi(Xw) phi(Xw)^T] (Def 3.1)
 * for unit-norm rows. Closed forms where they exist (ReLU arc-cosine kernels, the Phi kernel, quadratic, identity),
 * otherwise the Hermite series by quadrature; never Monte Carlo. Scaled activations s*phi scale by s^2.
 */
public final class NetworkCovariance {
    private static final Map<String, Kernels.PairKernel> DERIVATIVE_KERNELS = new ConcurrentHashMap<>();
    private static final Map<String, Kernels.PairKernel> OUTPUT_KERNELS = new ConcurrentHashMap<>();

    private NetworkCovariance() {}

    /** (rho, theta) -> E[phi'(u) phi'(v)] for the unscaled base activation. */
    public static Kernels.PairKernel derivativeKernel(Activation a) {
        Activation b = a.base();
        return DERIVATIVE_KERNELS.computeIfAbsent(b.name(), n -> switch (n) {
            case "relu" -> Kernels::reluDerivativeAngle;
            case "gausscdf" -> Kernels.PairKernel.ofRho(Kernels::gaussCdf);
            case "quadratic" -> (rho, theta) -> rho;
            case "identity" -> (rho, theta) -> 1.0;
            case "step" -> (rho, theta) -> 0.0;
            default -> Kernels.PairKernel.ofRho(HermiteKernel.of(b::d1, b.kinks()));
        });
    }

    /** (rho, theta) -> E[phi(u) phi(v)] for the unscaled base activation. */
    public static Kernels.PairKernel outputKernel(Activation a) {
        Activation b = a.base();
        return OUTPUT_KERNELS.computeIfAbsent(b.name(), n -> switch (n) {
            case "relu" -> Kernels::reluAngle;
            case "identity" -> (rho, theta) -> rho;
            default -> Kernels.PairKernel.ofRho(HermiteKernel.of(b::phi, b.kinks()));
        });
    }

    public static DMatrixRMaj sigma(DMatrixRMaj x, Activation a) {
        return scaled(a, Kernels.sigma(x, derivativeKernel(a)));
    }

    public static DMatrixRMaj sigmaTilde(DMatrixRMaj x, Activation a) {
        return scaled(a, Kernels.ofGram(x, outputKernel(a)));
    }

    /** s^2 K for s*phi (no copy for s = 1: multiplying by 1 changes no bit). */
    private static DMatrixRMaj scaled(Activation a, DMatrixRMaj k) {
        double s2 = a.scale() * a.scale();
        return s2 == 1.0 ? k : Linalg.scale(s2, k);
    }

    /** lambda(X) = lambda_min(Sigma(X)) (only that eigenvalue for large n: {@link Linalg#lambdaMin}). */
    public static double lambda(DMatrixRMaj x, Activation a) {
        return Linalg.lambdaMin(sigma(x, a));
    }

    /** lambda-tilde(X) = lambda_min(Sigma-tilde(X)). */
    public static double lambdaTilde(DMatrixRMaj x, Activation a) {
        return Linalg.lambdaMin(sigmaTilde(x, a));
    }
}
