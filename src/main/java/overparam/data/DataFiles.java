package overparam.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import overparam.claims.BadInput;
import overparam.report.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Pattern;

/**
 * Datasets a researcher brings or takes away: CSV (one point per row, optional header, optional label column), JSON
 * (an array of rows, or an object with "x" and optional "y") and numpy .npy (2-D little-endian float64/float32). Every
 * refusal names the file and the place (line and column, or row and column for .npy).
 */
public final class DataFiles {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final CsvMapper CSV = new CsvMapper();

    private DataFiles() {}

    /** Points x (n x d), optional labels y, column names (generated when the file has none) and where they came from. */
    public record Table(double[][] x, double[] y, List<String> columns, String label, String source) {
        public int n() {
            return x.length;
        }

        public int d() {
            return x[0].length;
        }
    }

    /** The format of a path, from its extension. */
    public enum Format {
        CSV, TSV, JSON, NPY;

        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv") || name.endsWith(".txt")) return CSV;
            if (name.endsWith(".tsv")) return TSV;
            if (name.endsWith(".json")) return JSON;
            if (name.endsWith(".npy")) return NPY;
            throw new BadInput(file + ": unknown format; use a .csv, .tsv, .json or .npy file");
        }
    }

    /**
     * Reads a dataset. {@code labelColumn} (may be null) names the column holding labels: a header name, a 1-based
     * column number, "first" or "last"; it is removed from the points.
     */
    public static Table read(Path file, String labelColumn) {
        if (!Files.isRegularFile(file)) throw new BadInput("no such file: " + file);
        Format f = Format.of(file);
        Raw raw = switch (f) {
            case CSV -> readDelimited(file, ',');
            case TSV -> readDelimited(file, '\t');
            case JSON -> readJson(file);
            case NPY -> readNpy(file);
        };
        return raw.split(labelColumn, file.toString());
    }

    /** Rows as read, before the label column is taken out. */
    private record Raw(List<double[]> rows, double[] y, List<String> names, boolean named) {
        Table split(String labelColumn, String source) {
            int d = rows.get(0).length;
            List<String> cols = names != null ? names : defaultNames(d);
            if (labelColumn == null) return new Table(rows.toArray(new double[0][]), y, cols, null, source);
            if (y != null) throw new BadInput(source + ": labels already come from its \"y\" field; drop --label");
            int c = labelIndex(labelColumn, cols, named, source);
            if (d < 2) throw new BadInput(source + ": only one column; nothing is left for the points once column " + (c + 1) + " is the label");
            double[][] x = new double[rows.size()][d - 1];
            double[] labels = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                double[] r = rows.get(i);
                labels[i] = r[c];
                for (int j = 0, k = 0; j < d; j++) if (j != c) x[i][k++] = r[j];
            }
            List<String> rest = new ArrayList<>(cols);
            String label = rest.remove(c);
            return new Table(x, labels, rest, label, source);
        }
    }

    private static List<String> defaultNames(int d) {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= d; j++) names.add("x" + j);
        return names;
    }

    private static int labelIndex(String spec, List<String> cols, boolean named, String source) {
        String s = spec.trim();
        if (s.equalsIgnoreCase("last")) return cols.size() - 1;
        if (s.equalsIgnoreCase("first")) return 0;
        if (named) {
            int i = cols.indexOf(s);
            if (i >= 0) return i;
        }
        try {
            int c = Integer.parseInt(s);
            if (c < 1 || c > cols.size())
                throw new BadInput(source + ": label column " + c + " is out of range; the file has columns 1.." + cols.size());
            return c - 1;
        } catch (NumberFormatException e) {
            throw new BadInput(source + ": no column named '" + s + "'" + (named ? "; the header has " + cols : " (the file has no header)")
                    + "; give a name, a 1-based column number, 'first' or 'last'");
        }
    }

    // ---- CSV ----

    private static Raw readDelimited(Path file, char separator) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withComments();
        List<double[]> rows = new ArrayList<>();
        List<String> names = null;
        int width = -1, widthLine = -1;
        try (CsvParser p = CSV.getFactory().createParser(file.toFile())) {
            p.setSchema(schema);
            p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            if (p.nextToken() != JsonToken.START_ARRAY) throw new BadInput(file + ": empty file (no rows)");
            List<String> fields = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            boolean first = true;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                fields.clear();
                lines.clear();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    fields.add(p.getText().trim());
                    lines.add(p.getTokenLocation().getLineNr());
                }
                if (fields.isEmpty() || (fields.size() == 1 && fields.get(0).isEmpty())) continue;
                int line = lines.get(0);
                if (first) {
                    first = false;
                    if (isHeader(fields, line, file)) {
                        names = header(fields, line, file);
                        width = names.size();
                        widthLine = line;
                        continue;
                    }
                }
                if (width < 0) {
                    width = fields.size();
                    widthLine = line;
                } else if (fields.size() != width)
                    throw new BadInput(file + " line " + line + ": ragged rows: " + fields.size() + " values, expected " + width
                            + (names != null ? " (as in the header on line " : " (as on line ") + widthLine + ")");
                double[] row = new double[width];
                for (int j = 0; j < width; j++) row[j] = number(fields.get(j), file + " line " + line + ", column " + (j + 1));
                rows.add(row);
            }
        } catch (NoSuchFileException e) {
            throw new BadInput("no such file: " + file);
        } catch (IOException e) {
            throw new BadInput(file + ": cannot parse as CSV: " + e.getMessage());
        }
        if (rows.isEmpty())
            throw new BadInput(file + ": empty file (no data rows" + (names != null ? ", only the header on line " + widthLine : "") + ")");
        return new Raw(rows, null, names, names != null);
    }

    /** The first row is a header when none of its fields is a number; a mix of names and numbers is refused. */
    private static boolean isHeader(List<String> fields, int line, Path file) {
        int numbers = 0, firstText = -1, firstNumber = -1;
        for (int j = 0; j < fields.size(); j++) {
            if (isNumberLike(fields.get(j))) {
                numbers++;
                if (firstNumber < 0) firstNumber = j;
            } else if (firstText < 0) firstText = j;
        }
        if (numbers == fields.size()) return false;
        if (numbers == 0) return true;
        throw new BadInput(file + " line " + line + ", column " + (firstText + 1) + ": bad header: '" + fields.get(firstText)
                + "' is a name but column " + (firstNumber + 1) + " is the number '" + fields.get(firstNumber)
                + "'; a header must be all names, a data row all numbers");
    }

    private static List<String> header(List<String> fields, int line, Path file) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < fields.size(); j++) {
            String f = fields.get(j);
            if (f.isEmpty()) throw new BadInput(file + " line " + line + ", column " + (j + 1) + ": bad header: empty column name");
            if (!seen.add(f)) throw new BadInput(file + " line " + line + ", column " + (j + 1) + ": bad header: duplicate column name '" + f + "'");
        }
        return List.copyOf(fields);
    }

    private static boolean isNumberLike(String s) {
        return NUMBER.matcher(s).matches() || NON_FINITE.matcher(s).matches();
    }

    private static double number(String s, String where) {
        if (s.isEmpty()) throw new BadInput(where + ": empty value");
        if (NON_FINITE.matcher(s).matches()) throw new BadInput(where + ": '" + s + "' is not a finite number");
        if (!NUMBER.matcher(s).matches()) throw new BadInput(where + ": '" + s + "' is not a number");
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) throw new BadInput(where + ": '" + s + "' overflows double");
        return v;
    }

    // ---- JSON ----

    private static Raw readJson(Path file) {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(file.toFile())) {
            JsonToken t = p.nextToken();
            if (t == null) throw new BadInput(file + ": empty file");
            if (t == JsonToken.START_ARRAY) return new Raw(rows(p, file, "the top-level array"), null, null, false);
            if (t != JsonToken.START_OBJECT)
                throw new BadInput(at(file, p.currentTokenLocation()) + ": expected an array of rows or an object with \"x\", found " + t);
            List<double[]> x = null;
            double[] y = null;
            JsonLocation yAt = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("x")) {
                    if (v != JsonToken.START_ARRAY) throw new BadInput(at(file, p.currentTokenLocation()) + ": \"x\" must be an array of rows");
                    x = rows(p, file, "\"x\"");
                } else if (field.equals("y")) {
                    yAt = p.currentTokenLocation();
                    if (v != JsonToken.START_ARRAY) throw new BadInput(at(file, yAt) + ": \"y\" must be an array of numbers");
                    y = vector(p, file);
                } else p.skipChildren();
            }
            if (x == null) throw new BadInput(file + ": the object has no \"x\" field (the points, an array of rows)");
            if (y != null && y.length != x.size())
                throw new BadInput(at(file, yAt) + ": \"y\" has " + y.length + " labels but \"x\" has " + x.size() + " rows");
            return new Raw(x, y, null, false);
        } catch (JsonParseException e) {
            throw new BadInput(at(file, e.getLocation()) + ": malformed JSON: " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new BadInput("no such file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String at(Path file, JsonLocation loc) {
        return file + " line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** Rows of an array already opened (the parser is on its START_ARRAY). */
    private static List<double[]> rows(JsonParser p, Path file, String what) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int width = -1;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonLocation rowAt = p.currentTokenLocation();
            int r = rows.size() + 1;
            if (t != JsonToken.START_ARRAY)
                throw new BadInput(at(file, rowAt) + ": row " + r + " of " + what + " is " + describe(t) + ", expected an array of numbers");
            List<Double> row = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                JsonLocation vAt = p.currentTokenLocation();
                String where = at(file, vAt) + " (row " + r + ", column " + (row.size() + 1) + ")";
                row.add(jsonNumber(p, t, where));
            }
            if (row.isEmpty()) throw new BadInput(at(file, rowAt) + ": row " + r + " is empty");
            if (width < 0) width = row.size();
            else if (row.size() != width)
                throw new BadInput(at(file, rowAt) + ": row " + r + " has " + row.size() + " values, expected " + width + " (as in row 1)");
            rows.add(row.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (rows.isEmpty()) throw new BadInput(at(file, p.currentTokenLocation()) + ": " + what + " has no rows");
        return rows;
    }

    private static double[] vector(JsonParser p, Path file) throws IOException {
        List<Double> v = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY)
            v.add(jsonNumber(p, t, at(file, p.currentTokenLocation()) + " (label " + (v.size() + 1) + ")"));
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double jsonNumber(JsonParser p, JsonToken t, String where) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT)
            throw new BadInput(where + ": " + describe(t) + (t == JsonToken.VALUE_STRING ? " '" + p.getText() + "'" : "") + " is not a number");
        double v = p.getDoubleValue();
        if (!Double.isFinite(v)) throw new BadInput(where + ": " + p.getText() + " is not a finite number");
        return v;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NULL -> "null";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> t.toString();
        };
    }

    // ---- NPY ----

    private static Raw readNpy(Path file) {
        Npy.Array a = Npy.read(file);
        if (a.shape().length != 2)
            throw new BadInput(file + ": array of shape (" + a.shape()[0] + ",) is 1-D; save the points as a 2-D array (n x d), e.g. x.reshape(-1, 1)");
        if (a.rows() == 0 || a.cols() == 0) throw new BadInput(file + ": empty array of shape (" + a.rows() + ", " + a.cols() + ")");
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < a.rows(); i++) {
            double[] r = new double[a.cols()];
            for (int j = 0; j < a.cols(); j++) {
                r[j] = a.get(i, j);
                if (!Double.isFinite(r[j]))
                    throw new BadInput(file + " row " + (i + 1) + ", column " + (j + 1) + ": " + r[j] + " is not a finite number");
            }
            rows.add(r);
        }
        return new Raw(rows, null, null, false);
    }

    // ---- writing ----

    /**
     * Writes points (and optional labels) in the format of the file's extension. JSON carries {@code meta} (generator,
     * parameters, seed) besides "x" and "y"; CSV has a header x1..xd (and y); .npy holds x only (labels go to a sibling
     * file NAME.y.npy).
     */
    public static List<Path> write(Path file, double[][] x, double[] y, Map<String, ?> meta) {
        Format f = Format.of(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        switch (f) {
            case JSON -> {
                Map<String, Object> root = new LinkedHashMap<>(meta == null ? Map.of() : meta);
                root.put("x", x);
                if (y != null) root.put("y", y);
                Json.write(file, root);
                return List.of(file);
            }
            case CSV, TSV -> {
                writeCsv(file, x, y, f == Format.TSV ? '\t' : ',');
                return List.of(file);
            }
            case NPY -> {
                Npy.write(file, x);
                if (y == null) return List.of(file);
                String name = file.getFileName().toString();
                Path yf = file.resolveSibling(name.substring(0, name.length() - 4) + ".y.npy");
                try {
                    Files.write(yf, Npy.bytes(y));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return List.of(file, yf);
            }
        }
        throw new IllegalStateException();
    }

    public static void writeCsv(Path file, double[][] x, double[] y, char separator) {
        int d = x.length == 0 ? 0 : x[0].length;
        CsvSchema.Builder b = CsvSchema.builder().setColumnSeparator(separator).setUseHeader(true);
        for (String n : defaultNames(d)) b.addColumn(n, CsvSchema.ColumnType.NUMBER);
        if (y != null) b.addColumn("y", CsvSchema.ColumnType.NUMBER);
        CsvSchema schema = b.build();
        try (Writer w = Files.newBufferedWriter(file);
             CsvGenerator g = (CsvGenerator) CSV.getFactory().createGenerator(w)) {
            g.setSchema(schema);
            for (int i = 0; i < x.length; i++) {
                g.writeStartArray();
                for (double v : x[i]) g.writeNumber(v);
                if (y != null) g.writeNumber(y[i]);
                g.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
