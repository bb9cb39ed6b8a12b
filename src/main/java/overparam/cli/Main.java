package overparam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The researcher's command line. Exit codes: 0 ok, 1 a claim refuted (or disagreeing with its expectation for
 * verify), 2 bad usage or bad input.
 */
@Command(name = "overparam-harness", mixinStandardHelpOptions = true, version = "overparam-harness 0.1",
        description = "Property-based verification of the theory of gradient descent in over-parameterized networks.",
        subcommands = {VerifyCommand.class, ListCommand.class, ShowCommand.class, ProbeCommand.class, ReplayCommand.class})
public final class Main {
    public static final int OK = 0, REFUTED = 1, BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return BAD_INPUT;
            }
            throw ex;
        });
        cl.setExitCodeExceptionMapper(ex -> BAD_INPUT);
        return cl.execute(args);
    }
}
