package overparam.cli;

import overparam.claims.BadInput;
import overparam.search.Corpus;
import overparam.search.EvidenceFiles;
import overparam.search.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-run a saved counterexample (generators/corpus, or one saved by probe) and print its margin in double and in "
                + "high precision.", "Exit code 1 when the instance still violates its property, 0 when it no longer does."})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a corpus file, e.g. generators/corpus/oymak/lemma-6.5/control-A-not-PSD.json")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) throw new BadInput("no such corpus file: " + file);
        if (EvidenceFiles.isEvidenceFile(file)) {
            EvidenceFiles.Entry ev = EvidenceFiles.load(file);
            System.out.println("file:      " + file + " (" + ev.basis() + " refutation of " + ev.claim() + ")");
            ev.rates().forEach(rate -> System.out.println("  " + rate.describe()));
            ev.trends().forEach(t -> System.out.println("  " + t.describe()));
            String why = EvidenceFiles.replay(ev);
            System.out.println(why == null ? "  re-derived: still refutes the claim" : "  NO LONGER refutes the claim: " + why);
            return why == null ? Main.REFUTED : Main.OK;
        }
        Corpus.Entry e;
        try {
            e = Corpus.load(file);
        } catch (RuntimeException ex) {
            throw new BadInput(file + " is not a corpus file: " + ex.getMessage());
        }
        if (e.claim() == null || e.property() == null || e.instance() == null)
            throw new BadInput(file + " is not a corpus file: it needs 'claim', 'property' and 'instance'");
        System.out.println("file:      " + file);
        System.out.println("generator: " + e.generator() + "; seed of the try " + e.seed() + (e.params() == null ? "" : "; parameters " + e.params()));
        System.out.println("saved margin: " + e.evidence().margin() + (e.certificate() == null ? "" : " (" + e.certificate().status() + ")"));
        Replay.Outcome o = Replay.replay(Main.claimsOf(spec).claim(e.claim()), e);
        System.out.println(o.describe());
        return o.reproduces() ? Main.REFUTED : Main.OK;
    }
}
