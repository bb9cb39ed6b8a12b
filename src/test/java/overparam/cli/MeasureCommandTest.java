package overparam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import overparam.data.Npy;
import overparam.report.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** measure on datasets whose quantities are known in closed form, and every refusal of bad input (exit 2, named place). */
class MeasureCommandTest {
    @TempDir
    Path dir;

    private JsonNode measure(Path data, String... extra) throws IOException {
        String[] args = new String[3 + extra.length];
        args[0] = "measure";
        args[1] = data.toString();
        args[2] = "--json";
        System.arraycopy(extra, 0, args, 3, extra.length);
        Cli r = Cli.run(args);
        assertThat(r.code()).as(r.toString()).isZero();
        return Json.MAPPER.readTree(r.out());
    }

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    @Test
    void orthonormalRows() throws IOException {
        Path f = dir.resolve("ortho.npy");
        assertThat(Cli.run("generate", "orthonormal", "--set", "n=4", "--set", "d=6", "--out", f.toString()).code()).isZero();
        JsonNode relu = measure(f).path("values");
        assertThat(relu.path("normX").asDouble()).isCloseTo(1, within(1e-12));
        assertThat(relu.path("sigmaMinXX").asDouble()).isCloseTo(1, within(1e-12));
        assertThat(relu.path("lambda").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(relu.path("rank").asInt()).isEqualTo(4);
        assertThat(relu.path("separation").asDouble()).isCloseTo(Math.sqrt(2), within(1e-12));
        JsonNode softplus = measure(f, "--activation", "softplus").path("values");
        assertThat(softplus.path("lambda").asDouble()).isCloseTo(0.293379, within(5e-7));
        JsonNode tanh = measure(f, "--activation", "tanh");
        assertThat(tanh.path("values").path("mu").asDouble()).isZero();
        JsonNode thm21 = java.util.stream.StreamSupport.stream(tanh.path("widths").spliterator(), false)
                .filter(w -> w.path("theorem").asText().startsWith("Thm 2.1")).findFirst().orElseThrow();
        assertThat(thm21.path("k").asText()).as("mu_phi = 0 for tanh: Thm 2.1 is vacuous").isEqualTo("Infinity");
    }

    @Test
    void pairAtAngle() throws IOException {
        for (double theta : new double[] {0.3, 1.0, 2.5}) {
            Path f = dir.resolve("pair" + theta + ".json");
            assertThat(Cli.run("generate", "pair", "--set", "theta=" + theta, "--out", f.toString()).code()).isZero();
            JsonNode v = measure(f).path("values");
            assertThat(v.path("lambdaMinK0").asDouble()).as("theta %s", theta).isCloseTo(theta / (2 * Math.PI), within(1e-12));
            assertThat(v.path("separation").asDouble()).isCloseTo(Math.min(2 * Math.sin(theta / 2), 2 * Math.cos(theta / 2)), within(1e-12));
        }
    }

    @Test
    void tableNamesTheWidthsAndWhoseConstantsTheyAre() throws IOException {
        Path f = dir.resolve("sphere.csv");
        Cli.run("generate", "sphere", "--set", "n=12", "--set", "d=5", "--seed", "3", "--out", f.toString());
        Cli r = Cli.run("measure", f.toString(), "--activation", "softplus");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("kappa-tilde(X)", "Thm 6.2 (softplus)", "Thm 6.3 (relu)", "C = 9.216e9 from the proof",
                "C^2 = 1.436e13", "C = 9.216e17", "paper's constant 20", "Lemma 6.7", "Thm 3.2", "sigma_min(X^{*3})");
    }

    @Test
    void csvHeaderAndLabelColumn() throws IOException {
        Path f = file("labelled.csv", "a,b,label\n1,0,3.5\n0,1,-1\n");
        JsonNode r = measure(f, "--label", "label");
        assertThat(r.path("d").asInt()).isEqualTo(2);
        assertThat(r.path("values").path("lambda").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(measure(f, "--label", "last").path("d").asInt()).isEqualTo(2);
    }

    @Test
    void nonUnitRowsNeedNormalize() throws IOException {
        Path f = file("big.csv", "3,4\n0,2\n");
        Cli r = Cli.run("measure", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("not unit norm", "--normalize").doesNotContain("lambda(X)");
        JsonNode v = measure(f, "--normalize").path("values");
        assertThat(v.path("rowNormMax").asDouble()).isCloseTo(1, within(1e-15));
        assertThat(v.has("lambda")).isTrue();
        assertBad(Cli.run("measure", file("zero.csv", "0,0\n1,0\n").toString(), "--normalize"), "row 1 is zero");
    }

    private static void assertBad(Cli r, String... fragments) {
        assertThat(r.code()).as(r.toString()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).as(r.toString()).contains(fragments);
    }

    @Test
    void badInputIsRefusedWithThePlaceNamed() throws IOException {
        assertBad(Cli.run("measure", file("nan.csv", "1,0\n0,NaN\n").toString()), "line 2, column 2", "'NaN' is not a finite number");
        assertBad(Cli.run("measure", file("text.csv", "x,y\n1,0\n0,abc\n").toString()), "line 3, column 2", "'abc' is not a number");
        assertBad(Cli.run("measure", file("empty.csv", "").toString()), "empty file");
        assertBad(Cli.run("measure", file("header-only.csv", "x,y\n").toString()), "no data rows", "only the header on line 1");
        assertBad(Cli.run("measure", file("ragged.csv", "1,0\n0,1\n0.6,0.8,0\n").toString()), "line 3", "ragged rows", "3 values, expected 2");
        assertBad(Cli.run("measure", file("ragged-header.csv", "x,y,z\n1,0\n").toString()), "line 2", "expected 3", "header on line 1");
        assertBad(Cli.run("measure", file("mixed.csv", "x,0.5\n1,0\n").toString()), "line 1, column 1", "bad header");
        assertBad(Cli.run("measure", file("dup.csv", "x,x\n1,0\n").toString()), "line 1, column 2", "duplicate column name 'x'");
        assertBad(Cli.run("measure", file("nan.json", "[[1, 0],\n [0, NaN]]").toString()), "line 2, column 6", "not a finite number");
        assertBad(Cli.run("measure", file("ragged.json", "{\"x\": [[1, 0],\n  [0, 1, 0]]}").toString()), "line 2", "row 2 has 3 values, expected 2");
        assertBad(Cli.run("measure", file("string.json", "[[1, \"a\"]]").toString()), "line 1, column 6", "row 1, column 2", "a string 'a' is not a number");
        assertBad(Cli.run("measure", file("empty.json", "").toString()), "empty file");
        assertBad(Cli.run("measure", file("noX.json", "{\"y\": [1]}").toString()), "no \"x\" field");
        assertBad(Cli.run("measure", file("broken.json", "[[1, 0],\n [0, 1").toString()), "malformed JSON");
        assertBad(Cli.run("measure", file("data.xyz", "1,0").toString()), "unknown format");
        assertBad(Cli.run("measure", dir.resolve("missing.csv").toString()), "no such file");
        assertBad(Cli.run("measure", file("lab.csv", "1,0\n0,1\n").toString(), "--label", "7"), "label column 7 is out of range");
        assertBad(Cli.run("measure", file("ok.csv", "1,0\n").toString(), "--activation", "nonsense"), "unknown activation 'nonsense'");
    }

    @Test
    void npyReadingAndRefusals() throws IOException {
        Path ok = dir.resolve("ok.npy");
        Npy.write(ok, new double[][] {{1, 0, 0}, {0, 1, 0}});
        assertThat(measure(ok).path("values").path("lambda").asDouble()).isCloseTo(0.5, within(1e-12));
        Path f32 = dir.resolve("f32.npy");
        Files.write(f32, npy("<f4", false, "(2, 2)", 4, new double[] {1, 0, 0, 1}));
        assertThat(measure(f32).path("n").asInt()).isEqualTo(2);
        Path fortran = dir.resolve("fortran.npy");
        Files.write(fortran, npy("<f8", true, "(2, 3)", 8, new double[] {1, 0, 0, 1, 0, 0}));
        assertThat(Npy.read(fortran).matrix()).isEqualTo(new double[][] {{1, 0, 0}, {0, 1, 0}});
        Path nan = dir.resolve("nan.npy");
        Npy.write(nan, new double[][] {{1, 0}, {0, Double.NaN}});
        assertBad(Cli.run("measure", nan.toString()), "row 2, column 2", "not a finite number");
        Path oneD = dir.resolve("oned.npy");
        Files.write(oneD, Npy.bytes(new double[] {1, 2}));
        assertBad(Cli.run("measure", oneD.toString()), "1-D");
        Path bigEndian = dir.resolve("be.npy");
        Files.write(bigEndian, npy(">f8", false, "(1, 1)", 8, new double[] {1}));
        assertBad(Cli.run("measure", bigEndian.toString()), "dtype '>f8' is not supported");
        Path truncated = dir.resolve("trunc.npy");
        byte[] full = Npy.bytes(new double[][] {{1, 0}});
        Files.write(truncated, java.util.Arrays.copyOf(full, full.length - 3));
        assertBad(Cli.run("measure", truncated.toString()), "needs 16 data bytes");
        assertBad(Cli.run("measure", file("fake.npy", "not numpy").toString()), "not a .npy file");
    }

    /** A hand-made .npy (any dtype string and order), for the reader's refusals and its float32/Fortran paths. */
    private static byte[] npy(String descr, boolean fortran, String shape, int itemSize, double[] data) {
        String h = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        h = h + " ".repeat((64 - (10 + h.length() + 1) % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + h.length() + itemSize * data.length)
                .order(descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.order(ByteOrder.LITTLE_ENDIAN).putShort((short) h.length());
        b.order(descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.put(h.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (double v : data) {
            if (itemSize == 8) b.putDouble(v);
            else b.putFloat((float) v);
        }
        return b.array();
    }
}
