package overparam.cli;

import overparam.search.Corpus;
import overparam.search.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-run a saved counterexample from generators/corpus and print its margin in double and in high precision.")
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "a corpus file, e.g. generators/corpus/oymak/lemma-6.5/control-A-not-PSD.json")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no such corpus file: " + file);
        Replay.Outcome o = Replay.replay(Corpus.load(file));
        System.out.println(o.describe());
        return o.reproduces() ? Main.REFUTED : Main.OK;
    }
}
