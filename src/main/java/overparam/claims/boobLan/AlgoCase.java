package overparam.claims.boobLan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import overparam.data.DataArbitraries;

import java.util.List;
import java.util.Random;

/**
 * One run of Algorithm 1: data, W_0, theta_0, the ball radius R/2, N_o, N_i, the noise level sigma and kind, and the
 * step sizes as factors of the paper's choices: beta = betaFactor * min{1/(2 L_theta), sqrt(1/(N_i sigma^2))} (5.19),
 * gamma = gammaFactor / L with L = L_R (Lemma 5.4 on the ball, Remark 5.6) and L_theta = n sup|h|^2 (Lemma 5.7).
 */
public record AlgoCase(String activation, double[][] u, double[] v, double[][] w0, double[] theta0, double radius, int outer, int inner,
                       double sigma, String noise, double betaFactor, double gammaFactor, boolean earlyExit, long noiseSeed) {

    @JsonIgnore
    public PaperActivation act() {
        return PaperActivations.byName(activation);
    }

    public double lTheta() {
        return SgdGd.lipschitzTheta(act(), w0.length);
    }

    public double lW() {
        return SgdGd.lipschitzW(act(), u, v, w0.length, radius);
    }

    public double beta() {
        double b = 1 / (2 * lTheta());
        if (sigma > 0) b = Math.min(b, Math.sqrt(1.0 / (inner * sigma * sigma)));
        return betaFactor * b;
    }

    public double gamma() {
        return gammaFactor / lW();
    }

    /**
     * What the runs assume and the generators guarantee: shapes and finite values ({@link NetCase#shapes}), W_0 square,
     * theta_0 in the ball of radius R/2 = radius (Theorem 5.9's unstated hypothesis, catalogue issue 22), positive step
     * factors, N_i >= 1, sigma >= 0, a positive finite L_R (radius +infinity: R^n, no L_R).
     */
    public String wellFormed() {
        String s = NetCase.shapes(u, v, w0, theta0);
        if (s != null) return s;
        if (w0.length != u[0].length) return "W_0 not square";
        if (!(radius > 0) || !(TwoLayer.norm(theta0) <= radius)) return "theta_0 outside the ball";
        if (outer < 0 || inner < 1 || !(sigma >= 0) || !(betaFactor > 0) || !(gammaFactor > 0)) return "bad run settings";
        if (Double.isInfinite(radius)) return null; // R = R^n: no L_R, gamma = 0 (inner-loop claims only)
        double l = lW();
        return l > 0 && Double.isFinite(l) ? null : "L_R is 0 or overflows";
    }

    SgdGd.Noise noiseModel() {
        return switch (noise) {
            case "gaussian" -> SgdGd.Noise.gaussian(sigma);
            case "student-t" -> SgdGd.Noise.studentT(sigma);
            case "adversarial" -> SgdGd.Noise.adversarial(sigma);
            default -> throw new overparam.claims.BadInput("unknown noise '" + noise + "'; gaussian, student-t, adversarial");
        };
    }

    public SgdGd.Settings settings() {
        return new SgdGd.Settings(radius, outer, inner, beta(), gamma(), earlyExit, lTheta(), noiseModel());
    }

    public SgdGd.Trace run(SgdGd.Observer obs) {
        return SgdGd.run(act(), u, v, w0, theta0, settings(), new Random(noiseSeed), obs);
    }

    public SgdGd.Trace run() {
        return run(SgdGd.Observer.NONE);
    }

    public AlgoCase withNoiseSeed(long s) {
        return new AlgoCase(activation, u, v, w0, theta0, radius, outer, inner, sigma, noise, betaFactor, gammaFactor, earlyExit, s);
    }

    public AlgoCase withTheta0(double[] t) {
        return new AlgoCase(activation, u, v, w0, t, radius, outer, inner, sigma, noise, betaFactor, gammaFactor, earlyExit, noiseSeed);
    }

    public AlgoCase with(int outer, int inner, double sigma, double betaFactor, double gammaFactor, boolean earlyExit) {
        return new AlgoCase(activation, u, v, w0, theta0, radius, outer, inner, sigma, noise, betaFactor, gammaFactor, earlyExit, noiseSeed);
    }

    /**
     * Random runs: d in [dMin, dMax], N = d^2 (or N in [1, d^2]), U, v ~ N(0, 1), W_0 ~ N(0, 1/d), theta_0 uniform in the
     * ball of radius R/2 = radius, N_o in [1, outerMax], N_i in [1, innerMax], sigma in {0.05, 0.3, 1}, noise kinds as given.
     */
    public static Arbitrary<AlgoCase> arbitrary(List<String> acts, int dMin, int dMax, boolean squareN, int outerMax, int innerMax,
                                                List<String> noises, double radius, boolean earlyExit) {
        return Combinators.combine(Arbitraries.of(acts), DataArbitraries.ints(dMin, dMax), DataArbitraries.ints(1, dMax * dMax),
                DataArbitraries.ints(1, outerMax), DataArbitraries.ints(1, innerMax), Arbitraries.of(noises), DataArbitraries.seeds())
                .as((a, d, nRaw, no, ni, noise, seed) -> {
                    Random rng = new Random(seed);
                    int nPts = squareN ? d * d : Math.min(nRaw, d * d);
                    double[][] u = BoobLanData.points("gaussian", nPts, d, rng.nextLong());
                    double[] v = BoobLanData.gaussian(nPts, 1, rng);
                    double[][] w0 = BoobLanData.gaussianW(d, d, rng);
                    double[] t0 = BoobLanData.gaussian(d, 1, rng);
                    double scale = radius * Math.pow(rng.nextDouble(), 1.0 / d) / Math.max(TwoLayer.norm(t0), 1e-300);
                    for (int j = 0; j < d; j++) t0[j] *= Double.isInfinite(radius) ? 1 : scale;
                    double sigma = new double[] {0.05, 0.3, 1}[rng.nextInt(3)];
                    return new AlgoCase(a, u, v, w0, t0, radius, no, ni, sigma, noise, 1, 1, earlyExit, rng.nextLong());
                });
    }
}
