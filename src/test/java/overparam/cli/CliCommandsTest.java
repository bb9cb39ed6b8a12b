package overparam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import overparam.data.Npy;
import overparam.report.Json;
import overparam.search.Corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke tests of every subcommand with real content: list, show, probe, replay, sweep, export, generate, usage errors. */
class CliCommandsTest {
    static final String LEMMA_6_5_CONTROL = "generators/corpus/oymak/lemma-6.5/control-A-not-PSD.json";

    @TempDir
    Path dir;

    private static void bad(Cli r, String... fragments) {
        assertThat(r.code()).as(r.toString()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.all()).as(r.toString()).contains(fragments);
    }

    @Test
    void helpOnEveryCommandAndUsageErrors() {
        for (String c : List.of("verify", "list", "show", "probe", "measure", "sweep", "replay", "export", "generate")) {
            Cli r = Cli.run(c, "--help");
            assertThat(r.code()).as(c).isZero();
            assertThat(r.out()).as(c).contains("Usage: overparam-harness " + c);
        }
        assertThat(Cli.run("export", "corpus", "--help").out()).contains("npz");
        bad(Cli.run(), "missing subcommand", "Exit codes");
        bad(Cli.run("frobnicate"), "Unmatched argument", "frobnicate");
        bad(Cli.run("list", "--colour"), "Unknown option: '--colour'");
        bad(Cli.run("probe"), "Missing required parameter: 'ID'");
        bad(Cli.run("probe", "oymak/lemma-6.5", "--tries", "many"), "Invalid value for option '--tries'");
    }

    @Test
    void listAndShow() {
        Cli list = Cli.run("list", "--paper", "oymak", "--reports", dir.toString());
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("oymak/lemma-6.5", "Lemma 6.5", "HOLDS", "NOT_RUN").doesNotContain("edmonds/");
        assertThat(Cli.run("list", "--verdict", "NOT_RUN", "--reports", dir.toString()).out()).contains("oymak/lemma-6.5").doesNotContain("unregistered ");
        bad(Cli.run("list", "--paper", "nobody"), "unknown paper 'nobody'");
        bad(Cli.run("list", "--verdict", "MAYBE"), "unknown verdict 'MAYBE'");

        Cli show = Cli.run("show", "oymak/lemma-6.5");
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("004_85138d395bc83237.txt", "Lemma 6.5", "statement:", "psd:", "control-A-not-PSD:", "FAIL");
        Cli toy = Cli.run("show", "oymak/assumption-1");
        assertThat(toy.out()).contains("delta", "--generator NAME", "half-circle", "--set generator.KEY=VALUE");
        bad(Cli.run("show", "oymak/lemma-65"), "unknown claim id 'oymak/lemma-65'", "did you mean oymak/lemma-6.5");
    }

    @Test
    void probeRegisteredClaimHolds() {
        Cli r = Cli.run("probe", "oymak/lemma-6.5", "--tries", "12", "--corpus", dir.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("oymak/lemma-6.5: HOLDS", "worst margin:", "psd", "control-A-not-PSD", "REFUTED", "negative control",
                "certified");
        assertThat(dir.resolve("oymak/lemma-6.5/control-A-not-PSD.json")).exists();
        bad(Cli.run("probe", "oymak/lemma-6.5", "--generator", "sphere"), "does not take --generator");
        bad(Cli.run("probe", "oymak/lemma-6.5", "--set", "k=3"), "unknown parameter 'k'");
    }

    @Test
    void probeWithGeneratorRefutesShrinksAndReplaysWithItsParameters() throws IOException {
        Cli r = Cli.run("probe", "oymak/assumption-1", "--generator", "duplicates", "--set", "delta=0.1", "--corpus", dir.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(Main.REFUTED);
        assertThat(r.out()).contains("REFUTED", "separation >= delta", "shrunk", "duplicates", "delta=0.1");
        Path saved = dir.resolve("oymak/assumption-1/separation-at-least-delta.json");
        Corpus.Entry e = Corpus.load(saved);
        assertThat(e.params()).containsEntry("delta", "0.1").containsEntry("generator", "duplicates");
        assertThat(e.instance().path("x").size()).as("shrunk to the fewest points").isEqualTo(2);
        Cli replay = Cli.run("replay", saved.toString());
        assertThat(replay.code()).as(replay.toString()).isEqualTo(Main.REFUTED);
        assertThat(replay.out()).contains("double margin: -0.1", "still a counterexample", "parameters {delta=0.1");

        Cli settings = Cli.run("probe", "oymak/assumption-1", "--generator", "cluster", "--set", "generator.eps=0.5", "--tries", "5");
        assertThat(settings.code()).as(settings.toString()).isZero();
        assertThat(settings.out()).contains("cluster{eps=0.5}", "HOLDS");
        bad(Cli.run("probe", "oymak/assumption-1", "--generator", "nosuch"), "unknown generator 'nosuch'", "half-circle");
        bad(Cli.run("probe", "oymak/assumption-1", "--set", "generator.bogus=1"), "has no parameter 'bogus'");
        bad(Cli.run("probe", "oymak/assumption-1", "--set", "delta=lots"), "must be a number");
    }

    @Test
    void replaySavedCorpusFile() {
        Cli r = Cli.run("replay", LEMMA_6_5_CONTROL);
        assertThat(r.code()).as(r.toString()).isEqualTo(Main.REFUTED);
        assertThat(r.out()).contains("control-A-not-PSD", "double margin: -1.0", "high-precision margin (60 digits): -1",
                "certified", "still a counterexample");
        bad(Cli.run("replay", dir.resolve("none.json").toString()), "no such corpus file");
    }

    @Test
    void sweepTwoKeysWritesCsvAndHeatMaps() throws IOException {
        Cli r = Cli.run("sweep", "oymak/assumption-1", "--grid", "delta=0,1.5", "--grid", "generator=sphere,duplicates", "--trials", "2",
                "--tries", "5", "--out", dir.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
        assertThat(lines).hasSize(1 + 4 * 2);
        assertThat(lines.get(0)).startsWith("cell,delta,generator,trial,seed,verdict,expected,worst_margin");
        // separation <= sqrt 2 < 1.5 for any two unit vectors: every delta = 1.5 cell is refuted, every delta = 0 cell holds
        assertThat(lines.stream().filter(l -> l.contains(",1.5,")).allMatch(l -> l.contains("REFUTED"))).isTrue();
        assertThat(lines.stream().filter(l -> l.matches("\\d+,0,.*")).allMatch(l -> l.contains("HOLDS"))).isTrue();
        assertThat(dir.resolve("sweep-refuted.png")).exists();
        assertThat(dir.resolve("sweep-margin.png")).exists();
        assertThat(r.out()).contains("delta=1.5 generator=duplicates", "{REFUTED=2}");
        // the same seeds give the same rows
        Path again = dir.resolve("again");
        Cli.run("sweep", "oymak/assumption-1", "--grid", "delta=0,1.5", "--grid", "generator=sphere,duplicates", "--trials", "2",
                "--tries", "5", "--threads", "1", "--out", again.toString());
        assertThat(strip(Files.readAllLines(again.resolve("sweep.csv")))).isEqualTo(strip(lines));
    }

    /** Rows without the run-time column. */
    private static List<String> strip(List<String> rows) {
        return rows.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void sweepOneKeyAndBadGrids() {
        Cli r = Cli.run("sweep", "oymak/assumption-1", "--grid", "delta=0,0.5,1,1.5", "--tries", "5", "--out", dir.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(dir.resolve("sweep-refuted.png")).exists();
        Cli tries = Cli.run("sweep", "oymak/lemma-6.5", "--grid", "tries=2,6", "--out", dir.resolve("tries").toString());
        assertThat(tries.code()).as(tries.toString()).isZero();
        assertThat(tries.out()).contains("tries=2", "tries=6", "{HOLDS=1}");
        bad(Cli.run("sweep", "oymak/lemma-6.5", "--grid", "tries=0,2", "--out", dir.toString()), "not a positive integer");
        bad(Cli.run("sweep", "oymak/assumption-1", "--grid", "nope=1,2", "--out", dir.toString()), "unknown parameter 'nope'");
        bad(Cli.run("sweep", "oymak/assumption-1", "--grid", "delta", "--out", dir.toString()), "expected KEY=V1,V2");
        bad(Cli.run("sweep", "oymak/assumption-1", "--grid", "delta=1,x", "--out", dir.toString()), "must be a number, got 'x'");
        bad(Cli.run("sweep", "oymak/assumption-1", "--out", dir.toString()), "Missing required option: '--grid");
    }

    @Test
    void exportCorpusForNumpy() throws IOException {
        Corpus.Entry e = Corpus.load(Path.of(LEMMA_6_5_CONTROL));
        JsonNode a = e.instance().path("a");
        Cli npy = Cli.run("export", "corpus", LEMMA_6_5_CONTROL, "--format", "npy", "--out", dir.resolve("cx.npy").toString());
        assertThat(npy.code()).as(npy.toString()).isZero();
        Npy.Array read = Npy.read(dir.resolve("cx.a.npy"));
        assertThat(read.shape()).containsExactly(a.size(), a.size());
        assertThat(read.get(0, 1)).isEqualTo(a.get(0).get(1).asDouble());
        assertThat(dir.resolve("cx.b.npy")).exists();

        Cli npz = Cli.run("export", "corpus", LEMMA_6_5_CONTROL, "--format", "npz", "--out", dir.resolve("cx.npz").toString());
        assertThat(npz.code()).isZero();
        try (ZipFile z = new ZipFile(dir.resolve("cx.npz").toFile())) {
            assertThat(z.stream().map(java.util.zip.ZipEntry::getName).toList()).containsExactly("a.npy", "b.npy");
        }
        Cli csv = Cli.run("export", "corpus", LEMMA_6_5_CONTROL, "--format", "csv", "--original", "--out", dir.resolve("cx.csv").toString());
        assertThat(csv.code()).isZero();
        assertThat(Files.readAllLines(dir.resolve("cx.a.csv"))).hasSize(1 + e.original().path("a").size());
        Cli json = Cli.run("export", "corpus", LEMMA_6_5_CONTROL, "--out", dir.resolve("cx.json").toString());
        assertThat(json.code()).isZero();
        assertThat(Json.read(dir.resolve("cx.json")).path("instance")).isEqualTo(e.instance());
        bad(Cli.run("export", "corpus", LEMMA_6_5_CONTROL, "--format", "xls"), "unknown --format 'xls'");
        bad(Cli.run("export"), "export corpus FILE");
    }

    @Test
    void generateWritesEveryFormatAndMeasureReadsItBack() throws IOException {
        for (String ext : List.of("json", "csv", "npy")) {
            Path f = dir.resolve("sphere." + ext);
            Cli g = Cli.run("generate", "sphere", "--set", "n=7", "--set", "d=3", "--seed", "5", "--out", f.toString());
            assertThat(g.code()).as(g.toString()).isZero();
            assertThat(g.out()).contains("n = 7, d = 3");
            Cli m = Cli.run("measure", f.toString(), "--json");
            assertThat(m.code()).as(m.toString()).isZero();
            JsonNode v = Json.MAPPER.readTree(m.out()).path("values");
            assertThat(v.path("n").asInt()).isEqualTo(7);
            assertThat(v.path("rowNormMax").asDouble()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-14));
        }
        assertThat(Npy.read(dir.resolve("sphere.npy")).matrix()).isEqualTo(overparam.data.Generators.sphere(7, 3, 5).x());
        assertThat(Cli.run("generate", "--list").out()).contains("separated", "delta=0.3");
        bad(Cli.run("generate", "sphere", "--set", "n=0", "--out", dir.resolve("x.csv").toString()), "'n' must be >= 1");
        bad(Cli.run("generate", "sphere", "--set", "m=3", "--out", dir.resolve("x.csv").toString()), "has no parameter 'm'");
        bad(Cli.run("generate", "sphere"), "missing --out");
    }
}
