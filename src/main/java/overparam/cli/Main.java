package overparam.cli;

import overparam.claims.Claim;
import overparam.claims.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Collection;
import java.util.concurrent.Callable;

/**
 * The researcher's command line. Exit codes: 0 ok, 1 a claim refuted (or disagreeing with its expectation for
 * verify), 2 bad usage or bad input, 3 an internal error of the harness.
 */
@Command(name = "overparam-harness", mixinStandardHelpOptions = true, version = "overparam-harness 0.1",
        description = "Property-based verification of the theory of gradient descent in over-parameterized networks.",
        subcommands = {VerifyCommand.class, ListCommand.class, ShowCommand.class, ProbeCommand.class, MeasureCommand.class,
                SweepCommand.class, ReplayCommand.class, ExportCommand.class, GenerateCommand.class,
                overparam.claims.boobLan.C1Command.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:a claim was refuted (verify: a verdict disagrees with its expectation)",
                "2:bad usage or bad input (unknown command, option, claim id, parameter; unreadable data)", "3:internal error of the harness"})
public final class Main implements Callable<Integer> {
    public static final int OK = 0, REFUTED = 1, BAD_INPUT = 2, INTERNAL = 3;

    /** Where commands find claims: the registry, or (in tests) claims built for the purpose. */
    public interface Claims {
        Claim claim(String id);

        boolean has(String id);

        Collection<Claim> all();

        static Claims registry() {
            return new Claims() {
                public Claim claim(String id) {
                    return Registry.get().claim(id);
                }

                public boolean has(String id) {
                    return Registry.get().has(id);
                }

                public Collection<Claim> all() {
                    return Registry.get().all();
                }
            };
        }
    }

    private final Claims claims;

    @Spec
    CommandSpec spec;

    public Main() {
        this(Claims.registry());
    }

    public Main(Claims claims) {
        this.claims = claims;
    }

    Claims claims() {
        return claims;
    }

    /** No subcommand: the usage, and exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: missing subcommand");
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    /** Held so the level sticks: netlib logs a WARNING on every start when its optional Vector-API BLAS is absent. */
    private static final java.util.logging.Logger NETLIB_LOG = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

    public static void main(String[] args) {
        NETLIB_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(Claims.registry(), args);
    }

    public static int run(Claims claims, String... args) {
        CommandLine cl = new CommandLine(new Main(claims));
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            Console.clearProgress();
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            cmd.getErr().println("internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            return INTERNAL;
        });
        return cl.execute(args);
    }

    /** Helper for subcommands: the claims of the top-level command. */
    static Claims claimsOf(CommandSpec sub) {
        Object top = sub.root().userObject();
        return top instanceof Main m ? m.claims() : Claims.registry();
    }
}
