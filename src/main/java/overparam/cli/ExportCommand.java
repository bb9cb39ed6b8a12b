package overparam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import overparam.claims.BadInput;
import overparam.data.DataFiles;
import overparam.data.Npy;
import overparam.report.Json;
import overparam.search.Corpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Export saved artefacts for numpy and friends.",
        subcommands = {ExportCommand.CorpusExport.class})
final class ExportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing what to export: 'export corpus FILE'");
    }

    @Command(name = "corpus", mixinStandardHelpOptions = true,
            description = {"Export a saved counterexample (its shrunk instance, or the original with --original) as JSON, CSV, .npy or .npz.",
                    "Every numeric matrix or vector of the instance becomes one array, named by its path in the instance (e.g. 'a', 'data_x'); "
                            + "npy and csv write one file per array (NAME.<array>.npy when there are several), npz one archive with all of them."})
    static final class CorpusExport implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "a corpus file, e.g. generators/corpus/oymak/lemma-6.5/control-A-not-PSD.json")
        Path file;

        @Option(names = "--format", defaultValue = "json", paramLabel = "F", description = "json, csv, npy or npz; default ${DEFAULT-VALUE}")
        String format;

        @Option(names = "--out", paramLabel = "PATH", description = "output file (default reports/export/<claim>/<property>.<format>)")
        Path out;

        @Option(names = "--original", description = "export the instance before shrinking")
        boolean original;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) throw new BadInput("no such corpus file: " + file);
            String fmt = format.toLowerCase(Locale.ROOT);
            if (!List.of("json", "csv", "npy", "npz").contains(fmt)) throw new BadInput("unknown --format '" + format + "'; one of json, csv, npy, npz");
            Corpus.Entry e;
            try {
                e = Corpus.load(file);
            } catch (RuntimeException ex) {
                throw new BadInput(file + " is not a corpus file: " + ex.getMessage());
            }
            JsonNode instance = original ? e.original() : e.instance();
            if (instance == null) throw new BadInput(file + " has no " + (original ? "original" : "shrunk") + " instance");
            Path target = out != null ? out : Path.of("reports", "export").resolve(e.claim())
                    .resolve(e.property().replaceAll("[^A-Za-z0-9._-]", "_") + "." + fmt);
            Map<String, Npy.Array> arrays = new LinkedHashMap<>();
            Map<String, Object> scalars = new LinkedHashMap<>();
            collect("", instance, arrays, scalars);
            List<Path> written = new ArrayList<>();
            switch (fmt) {
                case "json" -> {
                    Map<String, Object> root = new LinkedHashMap<>();
                    root.put("claim", e.claim());
                    root.put("property", e.property());
                    root.put("generator", e.generator());
                    root.put("seed", e.seed());
                    if (e.params() != null) root.put("params", e.params());
                    root.put("margin", (original ? e.originalEvidence() : e.evidence()).margin());
                    root.put("instance", instance);
                    Json.write(target, root);
                    written.add(target);
                }
                case "npz" -> {
                    requireArrays(arrays);
                    Npy.writeNpz(target, arrays);
                    written.add(target);
                }
                default -> {
                    requireArrays(arrays);
                    for (Map.Entry<String, Npy.Array> a : arrays.entrySet()) {
                        Path f = arrays.size() == 1 ? target : sibling(target, a.getKey());
                        if (fmt.equals("npy")) Npy.write(f, a.getValue());
                        else DataFiles.writeCsv(mkdirs(f), a.getValue().matrix(), null, ',');
                        written.add(f);
                    }
                }
            }
            System.out.println(e.claim() + " / " + e.property() + " (" + (original ? "original" : "shrunk") + " instance)");
            for (Map.Entry<String, Npy.Array> a : arrays.entrySet())
                System.out.println("  array " + a.getKey() + " shape " + Arrays.toString(a.getValue().shape()));
            if (!scalars.isEmpty()) System.out.println("  other fields: " + scalars + (fmt.equals("json") ? "" : " (in the JSON export only)"));
            for (Path p : written) System.out.println("wrote " + p);
            return Main.OK;
        }

        private static void requireArrays(Map<String, Npy.Array> arrays) {
            if (arrays.isEmpty()) throw new BadInput("the instance has no numeric arrays; use --format json");
        }

        private static Path mkdirs(Path f) {
            try {
                Path parent = f.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            return f;
        }

        private static Path sibling(Path target, String array) {
            String name = target.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return target.resolveSibling(name.substring(0, dot) + "." + array + name.substring(dot));
        }
    }

    /** Numeric matrices and vectors of a JSON instance by path (joined with '_'); other leaves as scalars. */
    static void collect(String path, JsonNode n, Map<String, Npy.Array> arrays, Map<String, Object> scalars) {
        String name = path.isEmpty() ? "x" : path;
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> collect(path.isEmpty() ? f.getKey() : path + "_" + f.getKey(), f.getValue(), arrays, scalars));
        } else if (n.isArray()) {
            if (isVector(n)) {
                double[] v = new double[n.size()];
                for (int i = 0; i < v.length; i++) v[i] = n.get(i).asDouble();
                arrays.put(name, Npy.Array.of(v));
            } else if (isMatrix(n)) {
                double[][] m = new double[n.size()][];
                for (int i = 0; i < m.length; i++) {
                    m[i] = new double[n.get(i).size()];
                    for (int j = 0; j < m[i].length; j++) m[i][j] = n.get(i).get(j).asDouble();
                }
                arrays.put(name, Npy.Array.of(m));
            } else {
                for (int i = 0; i < n.size(); i++) collect(name + "_" + i, n.get(i), arrays, scalars);
            }
        } else if (n.isNumber()) scalars.put(name, n.numberValue());
        else if (!n.isNull()) scalars.put(name, n.asText());
    }

    private static boolean isVector(JsonNode n) {
        if (n.isEmpty()) return false;
        for (JsonNode c : n) if (!c.isNumber()) return false;
        return true;
    }

    private static boolean isMatrix(JsonNode n) {
        if (n.isEmpty()) return false;
        int w = -1;
        for (JsonNode row : n) {
            if (!row.isArray() || !isVector(row)) return false;
            if (w >= 0 && row.size() != w) return false;
            w = row.size();
        }
        return true;
    }
}
