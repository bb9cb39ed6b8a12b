package overparam.claims.boobLan;

import org.hipparchus.dfp.Dfp;
import overparam.linalg.HighPrecision;

import java.util.function.UnaryOperator;

/** {@link TwoLayer} in 60-digit {@link Dfp} arithmetic, for certificates. Inputs are exact doubles or Dfp values. */
public final class TwoLayerHp {
    private final HighPrecision hp;
    private final PaperActivation h;

    public TwoLayerHp(HighPrecision hp, PaperActivation h) {
        this.hp = hp;
        this.h = h;
    }

    public HighPrecision hp() {
        return hp;
    }

    public Dfp[][] preActivations(Dfp[][] u, Dfp[][] w) {
        Dfp[][] z = new Dfp[u.length][w.length];
        for (int i = 0; i < u.length; i++)
            for (int j = 0; j < w.length; j++) z[i][j] = hp.dot(w[j], u[i]);
        return z;
    }

    public Dfp[] residual(Dfp[][] u, Dfp[] v, Dfp[][] w, Dfp[] theta) {
        Dfp[][] z = preActivations(u, w);
        Dfp[] s = new Dfp[u.length];
        for (int i = 0; i < u.length; i++) {
            Dfp p = hp.zero();
            for (int j = 0; j < theta.length; j++) p = p.add(theta[j].multiply(h.phi(z[i][j])));
            s[i] = v[i].subtract(p);
        }
        return s;
    }

    public Dfp loss(Dfp[][] u, Dfp[] v, Dfp[][] w, Dfp[] theta) {
        Dfp[] s = residual(u, v, w, theta);
        return hp.dot(s, s).divide(2 * u.length);
    }

    public Dfp[][] gradW(Dfp[][] u, Dfp[] v, Dfp[][] w, Dfp[] theta) {
        Dfp[] s = residual(u, v, w, theta);
        Dfp[][] z = preActivations(u, w);
        int d = u[0].length;
        Dfp[][] g = new Dfp[w.length][d];
        for (int j = 0; j < w.length; j++) for (int k = 0; k < d; k++) g[j][k] = hp.zero();
        for (int i = 0; i < u.length; i++)
            for (int j = 0; j < w.length; j++) {
                Dfp c = s[i].multiply(h.d1(z[i][j])).multiply(theta[j]).divide(u.length).negate();
                for (int k = 0; k < d; k++) g[j][k] = g[j][k].add(c.multiply(u[i][k]));
            }
        return g;
    }

    public Dfp[] gradTheta(Dfp[][] u, Dfp[] v, Dfp[][] w, Dfp[] theta) {
        Dfp[] s = residual(u, v, w, theta);
        Dfp[][] z = preActivations(u, w);
        Dfp[] g = new Dfp[theta.length];
        for (int j = 0; j < theta.length; j++) g[j] = hp.zero();
        for (int i = 0; i < u.length; i++)
            for (int j = 0; j < theta.length; j++) g[j] = g[j].subtract(s[i].multiply(h.phi(z[i][j])).divide(u.length));
        return g;
    }

    /** The full gradient (vec_rowmajor(grad_W f), grad_theta f). */
    public Dfp[] gradient(Dfp[][] u, Dfp[] v, Dfp[][] w, Dfp[] theta) {
        Dfp[][] gw = gradW(u, v, w, theta);
        Dfp[] gt = gradTheta(u, v, w, theta);
        int d = u[0].length, n = w.length;
        Dfp[] g = new Dfp[n * d + n];
        for (int j = 0; j < n; j++) System.arraycopy(gw[j], 0, g, j * d, d);
        System.arraycopy(gt, 0, g, n * d, n);
        return g;
    }

    public Dfp[][] matrixD(Dfp[][] u, Dfp[][] w, Dfp[] theta) {
        Dfp[][] z = preActivations(u, w);
        int d = u[0].length, n = w.length;
        Dfp[][] dm = new Dfp[n * d][u.length];
        for (int i = 0; i < u.length; i++)
            for (int j = 0; j < n; j++) {
                Dfp c = h.d1(z[i][j]).multiply(theta[j]);
                for (int k = 0; k < d; k++) dm[j * d + k][i] = c.multiply(u[i][k]);
            }
        return dm;
    }

    /** {g(W u^i) u^iT} as an nd x N matrix, g = h or h'. */
    public Dfp[][] collection(UnaryOperator<Dfp> g, Dfp[][] u, Dfp[][] w) {
        Dfp[][] z = preActivations(u, w);
        int d = u[0].length, n = w.length;
        Dfp[][] c = new Dfp[n * d][u.length];
        for (int i = 0; i < u.length; i++)
            for (int j = 0; j < n; j++) {
                Dfp gz = g.apply(z[i][j]);
                for (int k = 0; k < d; k++) c[j * d + k][i] = gz.multiply(u[i][k]);
            }
        return c;
    }

    public Dfp norm(Dfp[] x) {
        return hp.dot(x, x).sqrt();
    }

    public static double[] toDouble(Dfp[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i].toDouble();
        return d;
    }
}
