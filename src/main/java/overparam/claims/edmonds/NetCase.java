package overparam.claims.edmonds;

import com.fasterxml.jackson.annotation.JsonIgnore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import overparam.data.DataArbitraries;
import overparam.data.Generators;
import overparam.nn.Activations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One instance of the edmonds network with its data: architecture, parameters theta (DeepNet layout), inputs x (D x N)
 * and targets y. Plain arrays so it serialises to the corpus; {@link #arbitrary} draws it from shrinkable sizes, laws
 * and a seed (§1.2 "suggested jqwik generators").
 */
public record NetCase(int n, int[] hidden, boolean bias, String param, String activation, String output, double weightScale,
                      String inputs, String targets, double[] theta, double[][] x, double[] y) {

    public EdmondsNet net() {
        return new EdmondsNet(n, hidden, bias, EdmondsNet.Param.valueOf(param), Activations.byName(activation), Activations.byName(output));
    }

    @JsonIgnore
    public int d() {
        return x.length;
    }

    @JsonIgnore
    public int layers() {
        return hidden.length + 1;
    }

    /** Number of weights M' (biases included when present). */
    @JsonIgnore
    public int parameterCount() {
        return theta.length;
    }

    public NetCase withTheta(double[] t) {
        return new NetCase(n, hidden, bias, param, activation, output, weightScale, inputs, targets, t, x, y);
    }

    public NetCase withTargets(double[] t) {
        return new NetCase(n, hidden, bias, param, activation, output, weightScale, inputs, targets + "*", theta, x, t);
    }

    /** Residual r_d = NN(x_d) - y_d. */
    public double[] residual() {
        EdmondsNet net = net();
        double[] r = new double[d()];
        for (int i = 0; i < d(); i++) r[i] = net.output(theta, x[i]) - y[i];
        return r;
    }

    /** Ranges and laws of a family of instances. */
    public record Spec(int lMin, int lMax, int wMin, int wMax, int nMin, int nMax, int dMin, int dMax, List<Double> scales,
                       List<String> inputs, List<String> targets, List<Boolean> biases, List<String> params, String activation,
                       String output) {
        public static Spec of() {
            return new Spec(1, 4, 1, 8, 1, 6, 1, 6, List.of(0.5, 1.0, 2.0), List.of("sphere", "gaussian"), List.of("interior"),
                    List.of(false, true), List.of("P1", "P2"), "sigmoid", "sigmoid");
        }

        public Spec layers(int min, int max) {
            return new Spec(min, max, wMin, wMax, nMin, nMax, dMin, dMax, scales, inputs, targets, biases, params, activation, output);
        }

        public Spec widths(int min, int max) {
            return new Spec(lMin, lMax, min, max, nMin, nMax, dMin, dMax, scales, inputs, targets, biases, params, activation, output);
        }

        public Spec inputDim(int min, int max) {
            return new Spec(lMin, lMax, wMin, wMax, min, max, dMin, dMax, scales, inputs, targets, biases, params, activation, output);
        }

        public Spec points(int min, int max) {
            return new Spec(lMin, lMax, wMin, wMax, nMin, nMax, min, max, scales, inputs, targets, biases, params, activation, output);
        }

        public Spec scales(Double... s) {
            return new Spec(lMin, lMax, wMin, wMax, nMin, nMax, dMin, dMax, List.of(s), inputs, targets, biases, params, activation, output);
        }

        public Spec inputs(String... s) {
            return new Spec(lMin, lMax, wMin, wMax, nMin, nMax, dMin, dMax, scales, List.of(s), targets, biases, params, activation, output);
        }

        public Spec targets(String... s) {
            return new Spec(lMin, lMax, wMin, wMax, nMin, nMax, dMin, dMax, scales, inputs, List.of(s), biases, params, activation, output);
        }

        public Spec bias(Boolean... b) {
            return new Spec(lMin, lMax, wMin, wMax, nMin, nMax, dMin, dMax, scales, inputs, targets, List.of(b), params, activation, output);
        }

        public Spec params(String... p) {
            return new Spec(lMin, lMax, wMin, wMax, nMin, nMax, dMin, dMax, scales, inputs, targets, biases, List.of(p), activation, output);
        }

        public Spec activations(String hidden, String out) {
            return new Spec(lMin, lMax, wMin, wMax, nMin, nMax, dMin, dMax, scales, inputs, targets, biases, params, hidden, out);
        }

        public String describe() {
            return String.format("L in [%d,%d], widths in [%d,%d], N in [%d,%d], D in [%d,%d], weight scale %s, inputs %s, targets %s, bias %s, %s, %s/%s",
                    lMin, lMax, wMin, wMax, nMin, nMax, dMin, dMax, scales, inputs, targets, biases, params, activation, output);
        }
    }

    private record Shape(int layers, List<Integer> widths, int n, int d) {}

    private record Law(double scale, String inputs, String targets, boolean bias, String param) {}

    /** Instances of a spec; sizes shrink toward the minimum, the seed toward 0. */
    public static Arbitrary<NetCase> arbitrary(Spec s) {
        Arbitrary<Shape> shape = Combinators.combine(DataArbitraries.ints(s.lMin(), s.lMax()),
                DataArbitraries.ints(s.wMin(), s.wMax()).list().ofSize(Math.max(0, s.lMax() - 1)),
                DataArbitraries.ints(s.nMin(), s.nMax()), DataArbitraries.ints(s.dMin(), s.dMax())).as(Shape::new);
        Arbitrary<Law> law = Combinators.combine(Arbitraries.of(s.scales()), Arbitraries.of(s.inputs()), Arbitraries.of(s.targets()),
                Arbitraries.of(s.biases()), Arbitraries.of(s.params())).as(Law::new);
        return Combinators.combine(shape, law, DataArbitraries.seeds()).as((sh, lw, seed) -> build(s, sh, lw, seed));
    }

    private static NetCase build(Spec s, Shape sh, Law lw, long seed) {
        int[] hidden = new int[sh.layers() - 1];
        for (int i = 0; i < hidden.length; i++) hidden[i] = sh.widths().get(i);
        return draw(sh.n(), hidden, lw.bias(), lw.param(), s.activation(), s.output(), lw.scale(), lw.inputs(), lw.targets(), sh.d(), seed);
    }

    /** One instance as a pure function of its description and seed. */
    public static NetCase draw(int n, int[] hidden, boolean bias, String param, String act, String out, double scale, String inputs,
                               String targets, int d, long seed) {
        Random rng = new Random(seed);
        double[][] x = inputs(inputs, d, n, rng);
        int nEff = x[0].length;
        EdmondsNet net = new EdmondsNet(nEff, hidden, bias, EdmondsNet.Param.valueOf(param), Activations.byName(act), Activations.byName(out));
        double[] theta = net.init(rng, scale);
        double[] y = targets(targets, x.length, rng);
        return new NetCase(nEff, hidden, bias, param, act, out, scale, inputs, targets, theta, x, y);
    }

    /**
     * Input laws of §1.2: gaussian (N(0, 1/N) entries), sphere, orthonormal e_d (N raised to D), antipodal pairs, duplicates,
     * rankone (x_d = a_d u, |a_d| >= 1), positive (U[0,1]).
     */
    public static double[][] inputs(String law, int d, int n, Random rng) {
        switch (law) {
            case "gaussian": {
                double[][] x = new double[d][n];
                for (double[] row : x) for (int j = 0; j < n; j++) row[j] = rng.nextGaussian() / Math.sqrt(n);
                return x;
            }
            case "sphere":
                return Generators.sphere(d, n, rng.nextLong()).x();
            case "orthonormal":
                return Generators.orthonormal(d, Math.max(n, d)).x();
            case "antipodal":
                return Generators.antipodal(Math.max(2, d), n, rng.nextLong()).x();
            case "duplicates":
                return Generators.duplicates(Math.max(2, d), n, rng.nextLong()).x();
            case "rankone": {
                double[] u = Generators.unitGaussian(rng, n);
                double[][] x = new double[d][n];
                for (double[] row : x) {
                    double a = (rng.nextBoolean() ? 1 : -1) * (1 + Math.abs(rng.nextGaussian()));
                    for (int j = 0; j < n; j++) row[j] = a * u[j];
                }
                return x;
            }
            case "positive": {
                double[][] x = new double[d][n];
                for (double[] row : x) for (int j = 0; j < n; j++) row[j] = rng.nextDouble();
                return x;
            }
            default:
                throw new IllegalArgumentException("unknown input law " + law);
        }
    }

    /** Target laws: interior U[0.1,0.9], mid U[0.2,0.8], narrow U[0.45,0.55], binary {0,1}, uniform U[0,1]. */
    public static double[] targets(String law, int d, Random rng) {
        double[] y = new double[d];
        for (int i = 0; i < d; i++)
            y[i] = switch (law) {
                case "interior" -> 0.1 + 0.8 * rng.nextDouble();
                case "mid" -> 0.2 + 0.6 * rng.nextDouble();
                case "narrow" -> 0.45 + 0.1 * rng.nextDouble();
                case "binary" -> rng.nextBoolean() ? 1.0 : 0.0;
                case "uniform" -> rng.nextDouble();
                default -> throw new IllegalArgumentException("unknown target law " + law);
            };
        return y;
    }

    @Override
    public String toString() {
        return "NetCase[N=" + n + ", hidden=" + Arrays.toString(hidden) + ", bias=" + bias + ", " + param + ", " + activation + "/" + output
                + ", s=" + weightScale + ", D=" + x.length + ", " + inputs + "/" + targets + "]";
    }

    /** All hidden-and-input layer indices l with M_l >= 2 outputs (where sums over j can cancel). */
    static List<Integer> layersWithWideOutputs(EdmondsNet net) {
        List<Integer> ls = new ArrayList<>();
        for (int l = 0; l < net.layers(); l++) if (net.width(l) >= 2) ls.add(l);
        return ls;
    }
}
