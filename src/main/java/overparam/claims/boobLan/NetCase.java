package overparam.claims.boobLan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hipparchus.dfp.Dfp;
import overparam.data.DataArbitraries;
import overparam.linalg.HighPrecision;

import java.util.List;
import java.util.Random;

/**
 * One boob-lan problem and point: activation, data U (N x d) and labels v, hidden layer W (n x d), output layer theta.
 * Plain arrays, so it serialises to the corpus.
 */
public record NetCase(String activation, double[][] u, double[] v, double[][] w, double[] theta) {
    @JsonIgnore
    public PaperActivation act() {
        return PaperActivations.byName(activation);
    }

    @JsonIgnore
    public int nPoints() {
        return u.length;
    }

    @JsonIgnore
    public int d() {
        return u[0].length;
    }

    @JsonIgnore
    public int width() {
        return w.length;
    }

    public double[] residual() {
        return TwoLayer.residual(act(), u, v, w, theta);
    }

    public double loss() {
        return TwoLayer.loss(act(), u, v, w, theta);
    }

    public double[][] gradW() {
        return TwoLayer.gradW(act(), u, v, w, theta);
    }

    public double[] gradTheta() {
        return TwoLayer.gradTheta(act(), u, v, w, theta);
    }

    public double[][] matrixD() {
        return TwoLayer.matrixD(act(), u, w, theta);
    }

    /**
     * rank D (3.3) decided as {@link Ranks#rank}, and from 60-digit values whenever a deficiency is seen while h' is
     * saturated at some pre-activation (its double values lost their variation).
     */
    public Ranks.RankReport rankD() {
        Ranks.RankReport r = Ranks.rank(matrixD(), () -> hp().matrixD());
        PaperActivation a = act();
        boolean exact = a.derivativePieces().stream().anyMatch(p -> p.form() == PaperActivation.Form.AFFINE);
        if (r.hpRank() == null && r.rank() < Math.min(nPoints(), width() * d()) && a.hasHighPrecision() && !exact
                && Ranks.saturated(a::d1, a::d2, TwoLayer.preActivations(u, w))) {
            int hr = Ranks.hpRank(hp().matrixD());
            return new Ranks.RankReport(hr, r.doubleRank(), hr, r.sigmaMax(), r.sigmaMinKept(), r.sigmaMaxDropped(), r.tolerance(),
                    "60-digit elimination (h' saturates to double precision at some pre-activation)");
        }
        return r;
    }

    /**
     * The invariants the checks rely on and the generators guarantee, for instances moved by the search or shrunk as JSON:
     * consistent shapes (U N x d, v of length N, W n x d, theta of length n) and finite values, loss and gradient.
     */
    public static String shapes(double[][] u, double[] v, double[][] w, double[] theta) {
        if (u.length == 0 || u[0].length == 0 || w.length == 0) return "empty data or hidden layer";
        int d = u[0].length;
        for (double[] r : u) if (r.length != d) return "ragged U";
        for (double[] r : w) if (r.length != d) return "W and U disagree on d";
        if (v.length != u.length) return "v and U disagree on N";
        if (theta.length != w.length) return "theta and W disagree on n";
        for (double[][] a : new double[][][] {u, w}) for (double[] r : a) for (double x : r) if (!Double.isFinite(x)) return "non-finite entry";
        for (double[] a : new double[][] {v, theta}) for (double x : a) if (!Double.isFinite(x)) return "non-finite entry";
        return null;
    }

    /** {@link #shapes} and a finite loss and gradient (no overflow in double). */
    public String wellFormed() {
        String s = shapes(u, v, w, theta);
        if (s != null) return s;
        if (!Double.isFinite(loss()) || !Double.isFinite(TwoLayer.frob(gradW())) || !Double.isFinite(TwoLayer.norm(gradTheta())))
            return "loss or gradient overflows in double";
        return null;
    }

    public NetCase withTheta(double[] t) {
        return new NetCase(activation, u, v, w, t);
    }

    public NetCase withW(double[][] x) {
        return new NetCase(activation, u, v, x, theta);
    }

    public NetCase withV(double[] x) {
        return new NetCase(activation, u, x, w, theta);
    }

    /** The 60-digit view: inputs converted exactly. */
    public Hp hp() {
        return new Hp(this);
    }

    public static final class Hp {
        public final HighPrecision hp = new HighPrecision();
        public final TwoLayerHp net;
        public final Dfp[][] u, w;
        public final Dfp[] v, theta;

        Hp(NetCase c) {
            net = new TwoLayerHp(hp, c.act());
            u = hp.of(c.u);
            w = hp.of(c.w);
            v = hp.of(c.v);
            theta = hp.of(c.theta);
        }

        public Dfp loss() {
            return net.loss(u, v, w, theta);
        }

        public Dfp[] gradient() {
            return net.gradient(u, v, w, theta);
        }

        public Dfp[][] matrixD() {
            return net.matrixD(u, w, theta);
        }
    }

    /**
     * Random cases: d in [1, dMax], width n in [1, d] (or n = d when square), N in [1, nMax(d)], U, v ~ N(0,1) (data
     * scale s), W ~ N(0, 1/d) times a weight scale, theta ~ N(0, thetaScale^2). Sizes and the seed shrink.
     */
    public static Arbitrary<NetCase> arbitrary(List<String> activations, int dMax, boolean square, int nMax, double dataScale,
                                               double weightScale, double thetaScale) {
        return Combinators.combine(Arbitraries.of(activations), DataArbitraries.ints(1, dMax), DataArbitraries.ints(1, dMax),
                DataArbitraries.ints(1, nMax), DataArbitraries.seeds()).as((a, d, n0, nPts, seed) -> {
            int n = square ? d : Math.min(n0, d);
            return random(a, nPts, d, n, seed, dataScale, weightScale, thetaScale);
        });
    }

    public static NetCase random(String act, int nPts, int d, int n, long seed, double dataScale, double weightScale, double thetaScale) {
        Random rng = new Random(seed);
        double[][] u = new double[nPts][d];
        for (double[] r : u) for (int k = 0; k < d; k++) r[k] = dataScale * rng.nextGaussian();
        double[] v = BoobLanData.gaussian(nPts, 1, rng);
        double[][] w = BoobLanData.gaussianW(n, d, rng);
        for (double[] r : w) for (int k = 0; k < d; k++) r[k] *= weightScale;
        double[] theta = BoobLanData.gaussian(n, thetaScale, rng);
        return new NetCase(act, u, v, w, theta);
    }
}
