package overparam.claims.edmonds;

import org.hipparchus.dfp.Dfp;
import overparam.linalg.HighPrecision;

/**
 * The edmonds network in 60-digit arithmetic, an independent route for certificates: forward pass, exact backprop
 * gradient, and second derivatives by central differences of the exact gradient (h = 1e-22: truncation ~1e-44,
 * rounding ~1e-38) or second differences of the forward pass (h = 1e-15).
 */
final class DfpNet {
    private final EdmondsNet net;
    private final HighPrecision hp;
    private final Dfp[] scale;

    DfpNet(EdmondsNet net) {
        this.net = net;
        this.hp = Precise.HP;
        this.scale = new Dfp[net.layers()];
        for (int l = 0; l < net.layers(); l++)
            scale[l] = net.param() == EdmondsNet.Param.P2 ? hp.one().divide(hp.of(net.width(l)).sqrt()) : hp.one();
    }

    HighPrecision hp() {
        return hp;
    }

    Dfp[] of(double[] v) {
        return hp.of(v);
    }

    private Dfp phi(String act, Dfp z) {
        return switch (act) {
            case "sigmoid" -> hp.one().divide(hp.one().add(z.negate().exp()));
            case "identity" -> z;
            case "relu" -> z.greaterThan(hp.zero()) ? z : hp.zero();
            default -> throw new IllegalArgumentException("no high-precision route for activation " + act);
        };
    }

    private Dfp d1(String act, Dfp z) {
        return switch (act) {
            case "sigmoid" -> {
                Dfp e = z.negate().exp();
                Dfp den = hp.one().add(e);
                yield e.divide(den.multiply(den));
            }
            case "identity" -> hp.one();
            case "relu" -> z.lessThan(hp.zero()) ? hp.zero() : hp.one();
            default -> throw new IllegalArgumentException("no high-precision route for activation " + act);
        };
    }

    private String act(int l) {
        return (l == net.layers() - 1 ? net.outputActivation() : net.hiddenActivation()).name();
    }

    private Dfp[][] forward(Dfp[] theta, Dfp[] xl, int from, Dfp[][] zs) {
        int L = net.layers();
        Dfp[][] xs = new Dfp[L + 1][];
        xs[from] = xl;
        for (int l = from; l < L; l++) {
            int in = net.width(l - 1), o = net.width(l);
            xs[l + 1] = new Dfp[o];
            if (zs != null) zs[l] = new Dfp[o];
            for (int j = 0; j < o; j++) {
                Dfp s = net.bias() ? theta[net.biasIndex(l, j)] : hp.zero();
                for (int k = 0; k < in; k++) s = s.add(theta[net.weightIndex(l, k, j)].multiply(xs[l][k]));
                if (zs != null) zs[l][j] = s;
                xs[l + 1][j] = scale[l].multiply(phi(act(l), s));
            }
        }
        return xs;
    }

    /** NN as a function of the layer-l input x_l, everything upstream frozen. */
    Dfp outputFrom(Dfp[] theta, int l, Dfp[] xl) {
        return forward(theta, xl, l, null)[net.layers()][0];
    }

    Dfp output(Dfp[] theta, double[] x) {
        return outputFrom(theta, 0, hp.of(x));
    }

    /** The layer-l input x_l (l = 0..L). */
    Dfp[] activations(Dfp[] theta, double[] x, int l) {
        return forward(theta, hp.of(x), 0, null)[l];
    }

    /** Exact parameter gradient of NN(x) by backpropagation. */
    Dfp[] gradient(Dfp[] theta, double[] x) {
        int L = net.layers();
        Dfp[][] zs = new Dfp[L][];
        Dfp[][] xs = forward(theta, hp.of(x), 0, zs);
        Dfp[] g = new Dfp[theta.length];
        for (int p = 0; p < g.length; p++) g[p] = hp.zero();
        Dfp[] sNext = {hp.one()};
        for (int l = L - 1; l >= 0; l--) {
            int in = net.width(l - 1), o = net.width(l);
            Dfp[] s = new Dfp[in];
            for (int k = 0; k < in; k++) s[k] = hp.zero();
            for (int j = 0; j < o; j++) {
                Dfp delta = scale[l].multiply(d1(act(l), zs[l][j])).multiply(sNext[j]);
                for (int k = 0; k < in; k++) {
                    g[net.weightIndex(l, k, j)] = delta.multiply(xs[l][k]);
                    s[k] = s[k].add(theta[net.weightIndex(l, k, j)].multiply(delta));
                }
                if (net.bias()) g[net.biasIndex(l, j)] = delta;
            }
            sNext = s;
        }
        return g;
    }

    /** delta_l = dNN/dz_l, exact (backprop down to layer l). */
    Dfp[] deltas(Dfp[] theta, double[] x, int layer) {
        int L = net.layers();
        Dfp[][] zs = new Dfp[L][];
        forward(theta, hp.of(x), 0, zs);
        Dfp[] sNext = {hp.one()};
        for (int l = L - 1; ; l--) {
            int in = net.width(l - 1), o = net.width(l);
            Dfp[] delta = new Dfp[o];
            for (int j = 0; j < o; j++) delta[j] = scale[l].multiply(d1(act(l), zs[l][j])).multiply(sNext[j]);
            if (l == layer) return delta;
            Dfp[] s = new Dfp[in];
            for (int k = 0; k < in; k++) {
                s[k] = hp.zero();
                for (int j = 0; j < o; j++) s[k] = s[k].add(theta[net.weightIndex(l, k, j)].multiply(delta[j]));
            }
            sNext = s;
        }
    }

    /** S_l = dNN/dx_l, exact (backprop from layer l). */
    Dfp[] inputGradient(Dfp[] theta, double[] x, int layer) {
        int L = net.layers();
        Dfp[][] zs = new Dfp[L][];
        Dfp[][] xs = forward(theta, hp.of(x), 0, zs);
        Dfp[] sNext = {hp.one()};
        for (int l = L - 1; l >= layer; l--) {
            int in = net.width(l - 1), o = net.width(l);
            Dfp[] s = new Dfp[in];
            for (int k = 0; k < in; k++) s[k] = hp.zero();
            for (int j = 0; j < o; j++) {
                Dfp delta = scale[l].multiply(d1(act(l), zs[l][j])).multiply(sNext[j]);
                for (int k = 0; k < in; k++) s[k] = s[k].add(theta[net.weightIndex(l, k, j)].multiply(delta));
            }
            sNext = s;
        }
        return sNext;
    }

    /** d2NN/dtheta_a dtheta_b: central difference of the exact gradient in theta_b. */
    Dfp hessian(Dfp[] theta, double[] x, int a, int b) {
        Dfp h = hp.of("1e-22");
        Dfp[] t = theta.clone();
        t[b] = theta[b].add(h);
        Dfp plus = gradient(t, x)[a];
        t[b] = theta[b].subtract(h);
        Dfp minus = gradient(t, x)[a];
        return plus.subtract(minus).divide(h.multiply(2));
    }

    /** d2NN/dx_{l,k} dx_{l,kk} with upstream frozen: second differences of the forward pass from layer l (h = 1e-15). */
    Dfp inputHessian(Dfp[] theta, double[] x, int l, int k, int kk) {
        Dfp[] xl = activations(theta, x, l);
        Dfp h = hp.of("1e-15");
        if (k == kk) {
            Dfp[] p = xl.clone(), m = xl.clone();
            p[k] = xl[k].add(h);
            m[k] = xl[k].subtract(h);
            return outputFrom(theta, l, p).add(outputFrom(theta, l, m)).subtract(outputFrom(theta, l, xl).multiply(2)).divide(h.multiply(h));
        }
        Dfp[] pp = xl.clone(), pm = xl.clone(), mp = xl.clone(), mm = xl.clone();
        pp[k] = xl[k].add(h);
        pp[kk] = xl[kk].add(h);
        pm[k] = xl[k].add(h);
        pm[kk] = xl[kk].subtract(h);
        mp[k] = xl[k].subtract(h);
        mp[kk] = xl[kk].add(h);
        mm[k] = xl[k].subtract(h);
        mm[kk] = xl[kk].subtract(h);
        return outputFrom(theta, l, pp).subtract(outputFrom(theta, l, pm)).subtract(outputFrom(theta, l, mp)).add(outputFrom(theta, l, mm))
                .divide(h.multiply(h).multiply(4));
    }
}
