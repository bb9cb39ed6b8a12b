package overparam.claims.oymak;

import org.ejml.data.DMatrixRMaj;
import overparam.claims.*;
import overparam.linalg.Linalg;
import overparam.nn.FiniteDifferences;
import overparam.nn.LeastSquaresModel;
import overparam.nn.ShallowNet;

import java.util.List;

/** oymak/N3, N4, N5: the Jacobian, gradient and Jacobian-Gram formulas of section 2.3, against independent routes. */
final class JacobianIdentities {
    private JacobianIdentities() {}

    static final List<String> SMOOTH = List.of("softplus", "tanh", "sigmoid", "gausscdf", "sin", "quadratic");
    static final List<String> ALL = List.of("softplus", "tanh", "sigmoid", "gausscdf", "sin", "quadratic", "relu", "0.5*softplus");

    /** Finite differences need every ReLU pre-activation well away from its kink. */
    static String awayFromKinks(NetInstance inst) {
        if (inst.act().smooth()) return null;
        return inst.kinkDistance() > 8 * FiniteDifferences.STEP ? null : "a pre-activation lies within the finite-difference stencil of a kink";
    }

    /** Finite-difference error bound: rounding eps/h on the value scale plus h^4 truncation on O(1) derivatives. */
    static double fdTolerance(double scale) {
        return 1e-8 * Math.max(1, scale);
    }

    /** oymak/N3 "Jacobian layout": rows of J(W) = (diag(v) phi'(W x_i)) kron x_i equal finite differences in vect(W) (row-major). */
    static final class JacobianLayout extends PropertyClaim {
        JacobianLayout() {
            super("oymak/N3");
        }

        @Override
        public List<ParamSpec> parameters() {
            return NetInstance.sizeParameters(6, 5, 6, ALL);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("finite-differences", NetInstance.class)
                    .description("max |J(W) - FD Jacobian of f(W) = phi(XW^T)v in row-major vect(W)|")
                    .generator("activations " + p.string("activations") + ", sphere rows, n " + p.string("n") + ", d " + p.string("d") + ", k " + p.string("k") + ", W ~ N(0, s^2), s in {0.5, 1, 2}, random v",
                            NetInstance.arbitrary(p.activations("activations"), p.range("n"), p.range("d"), p.range("k"), true, NetInstance.Outputs.RANDOM, 0.5, 1.0, 2.0))
                    .hypotheses(JacobianIdentities::awayFromKinks)
                    .check(JacobianIdentities::layout).certify(Certifiers::jacobianLayout).tries(120).search(SearchSpace.coordinates()).build());
        }
    }

    static Evidence layout(NetInstance inst) {
        ShallowNet net = inst.net();
        DMatrixRMaj j = net.jacobian(inst.wMatrix());
        double[] theta = inst.wMatrix().data;
        double[] h = steps(inst);
        double[][] fd = FiniteDifferences.jacobian(t -> net.outputs(net.weights(t)), theta, h);
        double[][] fd2 = FiniteDifferences.jacobian(t -> net.outputs(net.weights(t)), theta, scale(h, 2));
        double[] s = outputScales(inst);
        double bound = 0;
        for (int i = 0; i < fd.length; i++)
            for (int p = 0; p < theta.length; p++) {
                double b = stencilError(fd[i][p], fd2[i][p], s[i], h[p], inst.k() + inst.d());
                bound += b * b;
            }
        double err = Linalg.frobenius(Linalg.minus(j, new DMatrixRMaj(fd)));
        return Evidence.eq("||J(W) - J_fd||_F", err, 0, fdTolerance(Linalg.frobenius(j)) + Math.sqrt(bound));
    }

    /**
     * Steps for w_lj: f depends on w_lj through z_il = w_l . x_i, which moves by h |x_ij|, so h = STEP / max(1, max_i
     * |x_ij|) keeps every pre-activation's stencil within +-2e-3 (+-4e-3 at 2h) whatever |W|. The default relative step
     * STEP max(1, |w_lj|) moved z by 0.46 at |W| ~ 40, out of the stencil's asymptotic regime (found by the search).
     */
    static double[] steps(NetInstance inst) {
        double[] h = new double[inst.k() * inst.d()];
        for (int l = 0; l < inst.k(); l++)
            for (int c = 0; c < inst.d(); c++) {
                double xMax = 1;
                for (double[] xi : inst.x()) xMax = Math.max(xMax, Math.abs(xi[c]));
                h[l * inst.d() + c] = FiniteDifferences.STEP / xMax;
            }
        return h;
    }

    static double[] scale(double[] h, double f) {
        double[] out = h.clone();
        for (int i = 0; i < out.length; i++) out[i] *= f;
        return out;
    }

    /**
     * Error bound of one entry of the 4th-order stencil at step h (FiniteDifferences): truncation, estimated from the
     * stencil at 2h (FD(2h) - FD(h) is 15 times the truncation error of FD(h) up to O(h^6); 2x the difference leaves a
     * 30-fold margin), plus rounding: the stencil's 18 |f| terms over 12h give 1.5 |delta f| / h, with
     * |delta f| <= 8 ops eps scale. Found necessary by the adversarial search: with |W| ~ 20 the truncation error of
     * tanh reached 6e-8, above the former fixed 1e-8 (60-digit margin -4e-45: fragile).
     */
    static double stencilError(double fdH, double fd2H, double scale, double h, int ops) {
        return 2 * Math.abs(fd2H - fdH) + 1.5 * 8 * ops * Linalg.EPS * scale / h;
    }

    /** S_i = sum_l |v_l| (|phi(z_il)| + |phi'(z_il)| sum_j |w_lj x_ij|): the size of f_i and of its rounding through z. */
    static double[] outputScales(NetInstance inst) {
        double[] s = new double[inst.n()];
        for (int i = 0; i < inst.n(); i++)
            for (int l = 0; l < inst.k(); l++) {
                double z = 0, zAbs = 0;
                for (int c = 0; c < inst.d(); c++) {
                    z += inst.w()[l][c] * inst.x()[i][c];
                    zAbs += Math.abs(inst.w()[l][c] * inst.x()[i][c]);
                }
                s[i] += Math.abs(inst.v()[l]) * (Math.abs(inst.act().phi(z)) + Math.abs(inst.act().d1(z)) * zAbs);
            }
        return s;
    }

    /** oymak/N4 "Gradient formula": grad L(W) = diag(v) phi'(WX^T) diag(r) X = mat(J^T r), against FD of L and J^T r. */
    static final class GradientFormula extends PropertyClaim {
        GradientFormula() {
            super("oymak/N4");
        }

        @Override
        public List<ParamSpec> parameters() {
            return NetInstance.sizeParameters(6, 5, 6, ALL);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("gradient", NetInstance.class)
                    .description("grad L(W) against finite differences of L and against mat(J^T r)")
                    .generator("activations " + p.string("activations") + ", sphere rows, n " + p.string("n") + ", d " + p.string("d") + ", k " + p.string("k") + ", paper's +-v",
                            NetInstance.arbitrary(p.activations("activations"), p.range("n"), p.range("d"), p.range("k"), true, NetInstance.Outputs.PAPER, 0.5, 1.0, 2.0))
                    .hypotheses(JacobianIdentities::awayFromKinks)
                    .check(JacobianIdentities::gradient).certify(Certifiers::gradient).tries(120).search(SearchSpace.coordinates()).build());
        }
    }

    static Evidence gradient(NetInstance inst) {
        ShallowNet net = inst.net();
        LeastSquaresModel model = net.model(inst.y());
        double[] theta = inst.wMatrix().data;
        double[] r = model.residual(theta);
        double[] g = net.gradient(inst.wMatrix(), r).data;
        double[] h = steps(inst);
        double[] fd = FiniteDifferences.gradient(model::loss, theta, h);
        double[] fd2 = FiniteDifferences.gradient(model::loss, theta, scale(h, 2));
        double[] jtr = Linalg.multTransVec(net.jacobian(inst.wMatrix()), r);
        double gNorm = Linalg.norm(g);
        double[] s = outputScales(inst);
        double lossScale = model.loss(theta);
        for (int i = 0; i < r.length; i++) lossScale += Math.abs(r[i]) * s[i];
        double bound = 0;
        for (int p = 0; p < theta.length; p++) {
            double b = stencilError(fd[p], fd2[p], lossScale, h[p], inst.k() + inst.d() + inst.n());
            bound += b * b;
        }
        Evidence vsFd = Evidence.eq("||grad L - FD||", Linalg.norm(minus(g, fd)), 0, fdTolerance(gNorm + model.loss(theta)) + Math.sqrt(bound));
        Evidence vsJtr = Evidence.eq("||grad L - J^T r||", Linalg.norm(minus(g, jtr)), 0,
                Linalg.tolerance(Linalg.frobenius(net.jacobian(inst.wMatrix())) * Linalg.norm(r), theta.length));
        return Evidence.worst(vsFd, vsJtr);
    }

    /** oymak/N5 "Jacobian Gram formula": J J^T = (phi'(XW^T) diag(v)^2 phi'(WX^T)) o XX^T = sum_l v_l^2 D_l XX^T D_l. */
    static final class JacobianGram extends PropertyClaim {
        JacobianGram() {
            super("oymak/N5");
        }

        @Override
        public List<ParamSpec> parameters() {
            return NetInstance.sizeParameters(10, 6, 12, ALL);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("gram", NetInstance.class)
                    .description("J J^T from the explicit Khatri-Rao J, from the Hadamard identity, and as sum_l v_l^2 D_l XX^T D_l")
                    .generator("activations " + p.string("activations") + ", Gaussian rows (any norm), n " + p.string("n") + ", d " + p.string("d") + ", k " + p.string("k") + ", W scale in {0.1, 1, 10}",
                            NetInstance.arbitrary(p.activations("activations"), p.range("n"), p.range("d"), p.range("k"), false, NetInstance.Outputs.RANDOM, 0.1, 1.0, 10.0))
                    .check(JacobianIdentities::gram).certify(Certifiers::jacobianGram).tries(150).search(SearchSpace.coordinates()).build());
        }
    }

    static Evidence gram(NetInstance inst) {
        ShallowNet net = inst.net();
        DMatrixRMaj w = inst.wMatrix(), x = inst.xMatrix();
        DMatrixRMaj j = net.jacobian(w);
        DMatrixRMaj explicit = Linalg.gram(j);
        DMatrixRMaj hadamard = net.jacobianGram(w);
        DMatrixRMaj sum = new DMatrixRMaj(net.n(), net.n());
        DMatrixRMaj xxt = Linalg.gram(x);
        DMatrixRMaj z = net.preActivations(w);
        double[] v = inst.v();
        for (int l = 0; l < net.k(); l++) {
            double[] dl = new double[net.n()];
            for (int i = 0; i < net.n(); i++) dl[i] = inst.act().d1(z.get(i, l));
            DMatrixRMaj term = Linalg.mult(Linalg.mult(Linalg.diag(dl), xxt), Linalg.diag(dl));
            org.ejml.dense.row.CommonOps_DDRM.addEquals(sum, v[l] * v[l], term);
        }
        double scale = Linalg.frobenius(j) * Linalg.frobenius(j);
        double tol = Linalg.tolerance(scale, j.numCols);
        return Evidence.worst(
                Evidence.eq("||JJ^T - Hadamard identity||_F", Linalg.frobenius(Linalg.minus(explicit, hadamard)), 0, tol),
                Evidence.eq("||JJ^T - sum_l v_l^2 D_l XX^T D_l||_F", Linalg.frobenius(Linalg.minus(explicit, sum)), 0, tol));
    }

    static double[] minus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i] - b[i];
        return c;
    }
}
