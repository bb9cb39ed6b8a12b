package overparam.claims.edmonds;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/** A GD instance: the network and data, the step-rule constants C0 and c_aaah, and the number of steps to run. */
public record GdCase(NetCase net, double c0, double caaah, int steps) {

    public PaperGd.Config config(double eps) {
        return new PaperGd.Config(c0, caaah, eps, steps);
    }

    public PaperGd.Run run(double eps) {
        return PaperGd.run(net.net(), net.theta(), net.x(), net.y(), config(eps));
    }

    public PaperGd.Run run() {
        return run(0);
    }

    static Arbitrary<GdCase> arbitrary(NetCase.Spec spec, List<Double> c0s, List<Double> caaahs, int steps) {
        return Combinators.combine(NetCase.arbitrary(spec), Arbitraries.of(c0s), Arbitraries.of(caaahs))
                .as((n, c0, c) -> new GdCase(n, c0, c, steps));
    }
}
