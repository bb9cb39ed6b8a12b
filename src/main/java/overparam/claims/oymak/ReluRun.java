package overparam.claims.oymak;

import org.ejml.data.DMatrixRMaj;
import overparam.claims.Evidence;
import overparam.data.Generators;
import overparam.linalg.Linalg;
import overparam.nn.Activations;
import overparam.nn.NetworkCovariance;
import overparam.nn.ShallowNet;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One GD run in the setting of the ReLU theorems of oymak: eta = n etaBar/(3 ||y||^2 ||X||^2) and the eigenvalue the
 * theorem uses: lambda(X) (Thm 6.3), its Lemma 6.4 bound sigma_min^2(X*X)/(2 pi) (Thm 2.3), or the Cor I.2 bound
 * delta/(100 n^2) from the separation delta (Thm 2.5). The proof constants (via Thm 6.13): alpha = ||y|| sqrt(lambda)/(2 sqrt(2n)),
 * beta = ||y|| ||X||/sqrt(n), R = 3||r0||/alpha. Memoised by spec.
 */
record ReluRun(String data, int n, int d, int k, double etaBar, String lambdaMode, long seed) {
    /** GD runs by spec (eigenvalue mode left out: the run does not depend on it, only the claimed bounds do) and run length. */
    private static final Map<String, PaperGd.Run> MEMO = new ConcurrentHashMap<>();

    /** Short description for plot titles. */
    String label() {
        return "ReLU, " + data + " n = " + n + ", d = " + d + ", k = " + k + ", eta_bar = " + etaBar;
    }

    double[][] x() {
        return switch (data) {
            case "orthonormal" -> Generators.orthonormal(n, d).x();
            case "duplicates" -> Generators.duplicates(n, d, seed).x();
            default -> Generators.sphere(n, d, seed).x();
        };
    }

    double[] y() {
        return Generators.gaussianLabels(n, seed + 1);
    }

    /** lambda(X) exactly (arc-cosine kernel), sigma_min^2(X*X)/(2 pi), or sep(X)/(100 n^2). */
    static double lambdaEff(DMatrixRMaj x, String mode) {
        return switch (mode) {
            case "lambda" -> NetworkCovariance.lambda(x, Activations.RELU);
            case "kr" -> {
                DMatrixRMaj g = Linalg.gram(x);
                yield Math.max(0, Linalg.lambdaMin(Linalg.hadamard(g, g))) / (2 * Math.PI);
            }
            case "sep" -> Generators.separation(Linalg.toArray(x)) / (100.0 * x.numRows * x.numRows);
            default -> throw new IllegalArgumentException("lambda mode " + mode);
        };
    }

    record Constants(double lambda, double xNorm, double yNorm, double eta, double alpha, double beta) {}

    Constants constants() {
        DMatrixRMaj x = new DMatrixRMaj(x());
        double lambda = lambdaEff(x, lambdaMode), xNorm = Linalg.spectralNorm(x), yNorm = Linalg.norm(y());
        return new Constants(lambda, xNorm, yNorm, n * etaBar / (3 * yNorm * yNorm * xNorm * xNorm),
                yNorm * Math.sqrt(lambda) / (2 * Math.sqrt(2.0 * n)), yNorm * xNorm / Math.sqrt(n));
    }

    record Outcome(ReluRun spec, Constants c, PaperGd.Run run) {
        double r0() {
            return run.residual()[0];
        }

        double tol() {
            return Envelope.residualTolerance(2 * c.yNorm() + r0(), spec.n() * spec.k() + spec.n());
        }

        /** The printed rate 1 - etaBar lambda/(24 ||X||^2) (= 1 - eta alpha^2 of Thm 6.13). */
        double rate() {
            return 1 - spec.etaBar() * c.lambda() / (24 * c.xNorm() * c.xNorm());
        }

        /** The printed rate and, unless {@code rateOnly}, the printed distance (1/(6 sqrt 2)) ||y||/sqrt(n) sqrt(lambda) ||W_t - W_0||_F. */
        Evidence printed(boolean rateOnly) {
            double[] r = run.residual();
            Evidence rateE = Envelope.geometric("printed rate ||r_t|| <= (1 - etaBar lambda/(24 ||X||^2))^t ||r_0||", r, rate(), 1, tol());
            if (rateOnly) return rateE.with("steps", run.steps()).with("final ||r||/||r_0||", r[run.steps()] / r0());
            double coef = c.yNorm() / Math.sqrt(spec.n()) * Math.sqrt(c.lambda()) / (6 * Math.sqrt(2));
            return Evidence.worst(rateE, Envelope.weightedDistance("printed distance (1/(6 sqrt 2)) ||y||/sqrt(n) sqrt(lambda) ||W_t - W_0||_F + ||r_t|| <= ||r_0||",
                    r, run.trace().distance(), coef, tol())).with("steps", run.steps()).with("final ||r||/||r_0||", r[run.steps()] / r0());
        }

        /** The proof's norm (Thm 6.13 with the spectral norm): (alpha/3) ||W_t - W_0||_2 + ||r_t|| <= ||r_0||. */
        Evidence proofSpectral() {
            return Envelope.weightedDistance("Thm 6.13 form: (alpha/3) ||W_t - W_0||_2 + ||r_t|| <= ||r_0||", run.residual(), run.spectralDistance(),
                    c.alpha() / 3, tol());
        }

        /** Assumptions 2-4 with the theorem's alpha, at the iterates: A2 sigma_min(J(W0)) >= 2 alpha, A3 ||J|| <= beta, A4 ||J(W_t) - J(W0)|| <= alpha/3, and ||W_t - W0||_2 <= R. */
        Evidence assumptions() {
            double jTol = Linalg.tolerance(c.beta(), spec.n() * spec.k());
            double radius = 3 * r0() / c.alpha();
            return Evidence.worst(
                    Evidence.ge("A2 sigma_min(J(W_0)) >= 2 alpha", run.sigmaMin()[0], 2 * c.alpha(), jTol),
                    Envelope.maxBelow("A3 ||J(W_t)|| <= beta", run.jNorm(), c.beta(), jTol),
                    Envelope.maxBelow("A4 ||J(W_t) - J(W_0)|| <= alpha/3 at the iterates", run.deviation(), c.alpha() / 3, jTol),
                    Envelope.maxBelow("||W_t - W_0||_2 <= R = 3||r_0||/alpha", run.spectralDistance(), radius, Linalg.tolerance(radius, spec.k())));
        }
    }

    Outcome outcome(int maxSteps, double relativeStop) {
        Constants c = constants();
        String key = new ReluRun(data, n, d, k, etaBar, "run", seed) + "/" + maxSteps + "/" + relativeStop;
        PaperGd.Run run = MEMO.get(key);
        if (run == null) {
            if (MEMO.size() > 32) MEMO.clear();
            DMatrixRMaj xm = new DMatrixRMaj(x());
            double[] y = y();
            ShallowNet net = new ShallowNet(xm, Activations.RELU, ShallowNet.paperOutputWeights(k, Linalg.norm(y), n));
            DMatrixRMaj w0 = ShallowNet.gaussianWeights(k, d, new Random(seed + 2));
            run = PaperGd.run(net, y, w0, c.eta(), maxSteps, relativeStop, PaperGd.Probes.ALL);
            MEMO.put(key, run);
        }
        return new Outcome(this, c, run);
    }
}
