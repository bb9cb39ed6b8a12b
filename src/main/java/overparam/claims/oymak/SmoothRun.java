package overparam.claims.oymak;

import org.ejml.data.DMatrixRMaj;
import overparam.claims.Evidence;
import overparam.data.Generators;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.NetworkCovariance;
import overparam.nn.ShallowNet;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One GD run in the setting of oymak Thm 6.2 (lambda = lambda(X)) or Thm 2.1 (lambda replaced by its Lemma 6.4 lower
 * bound mu_phi^2 sigma_min^2(X*X)): the data, the paper's v and step size eta = n etaBar/(2 B^2 ||y||^2 ||X||^2), the
 * proof's constants (alpha, beta, L of (6.14)-(6.15)), and the per-iterate record. A spec (sizes, names, seed): the run
 * is computed once and memoised, so several properties can read the conclusions of the same run.
 */
record SmoothRun(String activation, String data, int n, int d, int k, double etaBar, double delta, boolean khatriRao, long seed) {
    /** GD runs by (spec with khatriRao = false, probes): the run does not depend on which eigenvalue the bounds use. */
    private static final Map<String, PaperGd.Run> MEMO = new ConcurrentHashMap<>();

    /** Short description for plot titles. */
    String label() {
        return activation + ", " + data + " n = " + n + ", d = " + d + ", k = " + k + ", eta_bar = " + etaBar;
    }

    Activation act() {
        return ConvergenceActivations.byName(activation);
    }

    /** X: orthonormal rows e_1..e_n, or i.i.d. uniform on the sphere. */
    double[][] x() {
        return data.equals("orthonormal") ? Generators.orthonormal(n, d).x() : Generators.sphere(n, d, seed).x();
    }

    /** The effective eigenvalue: lambda(X) (Thm 6.2) or mu_phi^2 sigma_min^2(X*X) (Thm 2.1). */
    static double lambdaEff(DMatrixRMaj x, Activation a, boolean khatriRao) {
        if (!khatriRao) return NetworkCovariance.lambda(x, a);
        DMatrixRMaj g = Linalg.gram(x);
        double sigma2 = Math.max(0, Linalg.lambdaMin(Linalg.hadamard(g, g)));
        return a.mu() * a.mu() * sigma2;
    }

    /** Data-dependent constants of the theorem and its proof. */
    record Constants(double bigB, double lambda, double xNorm, double yNorm, double eta, double alpha, double beta, double lipschitz,
                     double p1, double p2) {
        /** (P1) k >= 20 log(n) B^2 ||X||^2/lambda and (P2) sqrt k >= 32 B (1 + (1+delta) B) sqrt(n) ||X||/lambda. */
        double requiredK() {
            return Math.max(p1, p2);
        }
    }

    static Constants constants(DMatrixRMaj x, double[] y, Activation a, boolean khatriRao, int k, double etaBar, double delta) {
        int n = x.numRows;
        double b = a.bigB(), lambda = lambdaEff(x, a, khatriRao), xNorm = Linalg.spectralNorm(x), yNorm = Linalg.norm(y);
        double eta = n * etaBar / (2 * b * b * yNorm * yNorm * xNorm * xNorm);
        double alpha = yNorm / Math.sqrt(n) * Math.sqrt(lambda) / (2 * Math.sqrt(2));
        double beta = b * yNorm * xNorm / Math.sqrt(n);
        double lip = b * yNorm * xNorm / Math.sqrt((double) k * n);
        double p1 = 20 * Math.log(n) * b * b * xNorm * xNorm / lambda;
        double sqrtP2 = 32 * b * (1 + (1 + delta) * b) * Math.sqrt(n) * xNorm / lambda;
        return new Constants(b, lambda, xNorm, yNorm, eta, alpha, beta, lip, p1, sqrtP2 * sqrtP2);
    }

    Constants constants() {
        return constants(new DMatrixRMaj(x()), y(), act(), khatriRao, k, etaBar, delta);
    }

    double[] y() {
        return Generators.gaussianLabels(n, seed + 1);
    }

    /** The literal hypothesis (the proof's sufficient conditions P1 and P2, which (6.2)/(2.2) with c = 64 imply for B >= 1). */
    String hypothesis() {
        Constants c = constants();
        if (!(c.lambda() > 0)) return "lambda = " + c.lambda() + " (mu_phi = 0 or sigma_min(X*X) = 0): the width demanded is infinite";
        if (k < c.p1()) return "(P1) fails: k = " + k + " < 20 log(n) B^2 ||X||^2/lambda = " + c.p1();
        if (k < c.p2()) return "(P2) fails: k = " + k + " < (32 B (1 + (1+delta)B) sqrt(n) ||X||/lambda)^2 = " + c.p2();
        return null;
    }

    /** The run with its per-iterate record. */
    record Outcome(SmoothRun spec, Constants c, PaperGd.Run run, double sigmaMinJ0) {
        double r0() {
            return run.residual()[0];
        }

        double tol() {
            return Envelope.residualTolerance(2 * c.yNorm() + r0(), spec.n() * spec.k() + spec.n());
        }

        double rate() {
            return 1 - spec.etaBar() * c.lambda() / (32 * c.bigB() * c.bigB() * c.xNorm() * c.xNorm());
        }

        /** The printed conclusions: unsquared rate, distance with sqrt(lambda/32), path sqrt(32). */
        Evidence literal() {
            double[] r = run.residual();
            double s = c.yNorm() / Math.sqrt(spec.n());
            return Evidence.worst(
                    Envelope.geometric("printed rate ||r_t|| <= (1 - etaBar lambda/(32 B^2 ||X||^2))^t ||r_0||", r, rate(), 1, tol()),
                    Envelope.weightedDistance("printed distance sqrt(lambda/32) ||y||/sqrt(n) ||W_t - W_0||_F + ||r_t|| <= ||r_0||", r,
                            run.trace().distance(), Math.sqrt(c.lambda() / 32) * s, tol()),
                    Envelope.path("printed path sum ||W_t+1 - W_t||_F <= sqrt(32) sqrt(n)/||y|| ||r_0||/sqrt(lambda)", run.trace().pathLength(),
                            Math.sqrt(32) * r0() / (s * Math.sqrt(c.lambda()))))
                    .with("steps", run.steps()).with("final ||r||/||r_0||", run.residual()[run.steps()] / r0());
        }

        /** What the proof gives via Thm 6.10 (E1, E2): squared rate, distance sqrt(lambda/128), path sqrt(128). */
        Evidence proof() {
            double[] r = run.residual();
            double s = c.yNorm() / Math.sqrt(spec.n());
            return Evidence.worst(
                    Envelope.geometric("proof rate ||r_t||^2 <= (1 - etaBar lambda/(32 B^2 ||X||^2))^t ||r_0||^2", r, rate(), 2, tol()),
                    Envelope.weightedDistance("proof distance alpha/4 ||W_t - W_0||_F + ||r_t|| <= ||r_0||, alpha/4 = sqrt(lambda/128) ||y||/sqrt(n)", r,
                            run.trace().distance(), c.alpha() / 4, tol()),
                    Envelope.path("proof path sum ||W_t+1 - W_t||_F <= 4 ||r_0||/alpha = sqrt(128) sqrt(n)/||y|| ||r_0||/sqrt(lambda)",
                            run.trace().pathLength(), 4 * r0() / c.alpha()));
        }

        /** Cor 6.11 along the path: sigma_min(J(W_t)) >= alpha, ||J(W_t)|| <= beta (6.15), ||J(W_t) - J(W_0)|| <= L ||W_t - W_0||_F (6.14). */
        Evidence pathConditions() {
            double[] dev = run.deviation(), dist = run.trace().distance();
            int worst = 0;
            double worstGap = Double.POSITIVE_INFINITY;
            for (int t = 1; t < dev.length; t++) {
                double gap = c.lipschitz() * dist[t] - dev[t];
                if (gap < worstGap) {
                    worstGap = gap;
                    worst = t;
                }
            }
            double jTol = Linalg.tolerance(c.beta(), spec.n() * spec.k());
            return Evidence.worst(
                    Envelope.minAbove("sigma_min(J(W_t)) >= alpha on the path", run.sigmaMin(), c.alpha(), jTol),
                    Envelope.maxBelow("||J(W_t)|| <= beta = B ||y|| ||X||/sqrt(n) on the path", run.jNorm(), c.beta(), jTol),
                    Evidence.le("||J(W_t) - J(W_0)|| <= L ||W_t - W_0||_F, L = B ||y|| ||X||/sqrt(kn)", dev[worst], c.lipschitz() * dist[worst], jTol)
                            .with("tau", worst));
        }

        /** The proof's events: Lemma 6.7 sigma_min(J(W_0)) >= 2 alpha and Lemma 6.12 ||r_0|| <= ||y|| (1 + (1+delta) B). */
        Evidence events() {
            return Evidence.worst(
                    Evidence.ge("Lemma 6.7 event sigma_min(J(W_0)) >= 2 alpha", sigmaMinJ0, 2 * c.alpha(), Linalg.tolerance(c.beta(), spec.n() * spec.k())),
                    Evidence.le("Lemma 6.12 event ||r_0|| <= ||y|| (1 + (1+delta) B)", r0(), c.yNorm() * (1 + (1 + spec.delta()) * c.bigB()), tol()));
        }
    }

    Outcome outcome(int maxSteps, double relativeStop) {
        return outcome(maxSteps, relativeStop, PaperGd.Probes.ALL);
    }

    Outcome outcome(int maxSteps, double relativeStop, PaperGd.Probes probes) {
        DMatrixRMaj xm = new DMatrixRMaj(x());
        double[] y = y();
        Activation a = act();
        Constants c = constants(xm, y, a, khatriRao, k, etaBar, delta);
        String key = new SmoothRun(activation, data, n, d, k, etaBar, delta, false, seed) + "/" + probes + "/" + maxSteps + "/" + relativeStop;
        PaperGd.Run run = MEMO.get(key);
        if (run == null) {
            if (MEMO.size() > 32) MEMO.clear();
            ShallowNet net = new ShallowNet(xm, a, ShallowNet.paperOutputWeights(k, Linalg.norm(y), n));
            DMatrixRMaj w0 = ShallowNet.gaussianWeights(k, d, new Random(seed + 2));
            run = PaperGd.run(net, y, w0, c.eta(), maxSteps, relativeStop, probes);
            MEMO.put(key, run);
        }
        return new Outcome(this, c, run, run.sigmaMin()[0]);
    }
}
