package overparam.claims.boobLan;

import overparam.claims.BadInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code harness c1 ACTIVATION}: boob-lan's condition C1 (section 4) for an activation or its derivative, by {@link C1Checker}. */
@Command(name = "c1", mixinStandardHelpOptions = true,
        description = {"Check condition C1 of boob-lan section 4 (no interval on which h' = c1, or (x + c2) h'(x) + h(x) = c3) for a "
                + "named activation or its derivative on (LO, HI), at the resolution of the smallest window; rounding-level "
                + "windows are re-fitted in " + C1Checker.HP_DIGITS + " digits.",
                "Exit codes: 0 satisfies C1, 1 violates C1 (with the witness and its constants), 2 bad input, 3 internal error, "
                        + "4 undecided at double precision (no high-precision evaluator)."})
public final class C1Command implements Callable<Integer> {
    public static final int SATISFIES = 0, VIOLATES = 1, UNRESOLVED = 4;

    @Parameters(index = "0", paramLabel = "ACTIVATION",
            description = "a boob-lan activation (tanh, sigmoid, sigmoid-sym, softplus, gaussian, gaussian-sym, elliot, elliot-sym, erf, "
                    + "relu, mobius, fat-cantor-N, ...) or one of the harness library; a trailing ' checks h'")
    String activation;

    @Option(names = "--from", paramLabel = "LO", defaultValue = "-8", description = "left end of the interval (default ${DEFAULT-VALUE})")
    double lo;

    @Option(names = "--to", paramLabel = "HI", defaultValue = "8", description = "right end of the interval (default ${DEFAULT-VALUE})")
    double hi;

    @Option(names = {"-d", "--derivative"}, description = "check h' instead of h (as a trailing ')")
    boolean derivative;

    @Option(names = "--halvings", paramLabel = "L", defaultValue = "10",
            description = "window widths (HI - LO) / 2^l, l = 0..L (default ${DEFAULT-VALUE}; widths stay >= 1e-3)")
    int halvings;

    @Override
    public Integer call() {
        boolean der = derivative || activation.endsWith("'");
        String name = activation.endsWith("'") ? activation.substring(0, activation.length() - 1) : activation;
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) throw new BadInput("need finite --from < --to, got (" + lo + ", " + hi + ")");
        if (halvings < 0 || halvings > 20) throw new BadInput("--halvings must be in [0, 20], got " + halvings);
        C1Checker.Options std = C1Checker.Options.standard();
        C1Checker.Options o = new C1Checker.Options(halvings, std.minWidth(), std.mobiusMinWidth(), std.points(), std.tolerance());
        C1Checker.Report r = C1Checker.check(C1Checker.Subject.of(PaperActivations.anyByName(name), der), lo, hi, o);
        System.out.println(r.describe());
        return switch (r.status()) {
            case SATISFIES -> SATISFIES;
            case VIOLATES -> VIOLATES;
            case UNRESOLVED -> UNRESOLVED;
        };
    }
}
