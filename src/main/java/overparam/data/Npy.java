package overparam.data;

import overparam.claims.BadInput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * numpy's .npy format (numpy.lib.format, versions 1.0-3.0): a 10- or 12-byte preamble, a Python-literal header dict
 * with descr, fortran_order and shape, then the raw data. Reads little-endian float64/float32 arrays of one or two
 * dimensions (C or Fortran order); writes float64, C order, version 1.0, so numpy.load reads what we write.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** An array as read: its shape and its values in C (row-major) order. */
    public record Array(int[] shape, double[] data) {
        public int rows() {
            return shape[0];
        }

        public int cols() {
            return shape.length == 2 ? shape[1] : 1;
        }

        /** Row i, column j (both 0-based) of a 2-D array. */
        public double get(int i, int j) {
            return data[i * cols() + j];
        }

        public static Array of(double[][] rows) {
            int n = rows.length, d = n == 0 ? 0 : rows[0].length;
            double[] flat = new double[n * d];
            for (int i = 0; i < n; i++) {
                if (rows[i].length != d)
                    throw new IllegalArgumentException("ragged array: row " + i + " has " + rows[i].length + " entries, expected " + d);
                System.arraycopy(rows[i], 0, flat, i * d, d);
            }
            return new Array(new int[] {n, d}, flat);
        }

        public static Array of(double[] v) {
            return new Array(new int[] {v.length}, v.clone());
        }

        public double[][] matrix() {
            double[][] x = new double[rows()][cols()];
            for (int i = 0; i < rows(); i++) System.arraycopy(data, i * cols(), x[i], 0, cols());
            return x;
        }
    }

    public static Array read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return read(bytes, file.toString());
    }

    public static Array read(byte[] b, String name) {
        if (b.length == 0) throw new BadInput(name + ": empty file");
        if (b.length < 10 || !Arrays.equals(Arrays.copyOf(b, 6), MAGIC))
            throw new BadInput(name + ": not a .npy file (it does not start with \\x93NUMPY)");
        int major = b[6] & 0xff;
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen, start;
        if (major == 1) {
            headerLen = buf.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) throw new BadInput(name + ": truncated .npy preamble");
            headerLen = buf.getInt(8);
            start = 12;
        } else throw new BadInput(name + ": unsupported .npy format version " + major + "." + (b[7] & 0xff) + " (1.0, 2.0 and 3.0 are read)");
        if (headerLen < 0 || start + headerLen > b.length) throw new BadInput(name + ": truncated .npy header");
        String header = new String(b, start, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr", name);
        boolean fortran = group(ORDER, header, "fortran_order", name).equals("True");
        int[] shape = parseShape(group(SHAPE, header, "shape", name), name);
        int itemSize = switch (descr) {
            case "<f8" -> 8;
            case "<f4" -> 4;
            default -> throw new BadInput(name + ": dtype '" + descr + "' is not supported; save little-endian float64 or float32"
                    + " ('<f8' or '<f4'), e.g. numpy.save(f, x.astype('<f8'))");
        };
        long count = 1;
        for (int s : shape) count *= s;
        int dataStart = start + headerLen;
        long need = count * itemSize;
        if (b.length - dataStart != need)
            throw new BadInput(name + ": shape " + Arrays.toString(shape) + " of " + descr + " needs " + need + " data bytes, the file has "
                    + (b.length - dataStart));
        double[] raw = new double[(int) count];
        for (int k = 0; k < count; k++)
            raw[k] = itemSize == 8 ? buf.getDouble(dataStart + 8 * k) : buf.getFloat(dataStart + 4 * k);
        if (fortran && shape.length == 2) {
            double[] c = new double[raw.length];
            int rows = shape[0], cols = shape[1];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) c[i * cols + j] = raw[j * rows + i];
            raw = c;
        }
        return new Array(shape, raw);
    }

    private static String group(Pattern p, String header, String key, String name) {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new BadInput(name + ": .npy header has no valid '" + key + "': " + header.strip());
        return m.group(1);
    }

    private static int[] parseShape(String s, String name) {
        String[] parts = Arrays.stream(s.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toArray(String[]::new);
        if (parts.length < 1 || parts.length > 2)
            throw new BadInput(name + ": array has shape (" + s.trim() + "); expected a 2-D array (points x coordinates) or a 1-D array");
        int[] shape = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].replace("L", ""));
            } catch (NumberFormatException e) {
                throw new BadInput(name + ": bad shape (" + s + ") in .npy header");
            }
        }
        return shape;
    }

    /** A 2-D float64 array in C order. */
    public static byte[] bytes(double[][] rows) {
        return bytes(Array.of(rows));
    }

    /** A 1-D float64 array. */
    public static byte[] bytes(double[] v) {
        return bytes(Array.of(v));
    }

    public static byte[] bytes(Array a) {
        int[] shape = a.shape();
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
        StringBuilder h = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': " + shapeText + ", }");
        int total = MAGIC.length + 4 + h.length() + 1;
        h.append(" ".repeat((64 - total % 64) % 64)).append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(10 + header.length + 8 * a.data().length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length).put(header);
        for (double v : a.data()) out.putDouble(v);
        return out.array();
    }

    public static void write(Path file, double[][] rows) {
        writeBytes(file, bytes(rows));
    }

    public static void write(Path file, Array a) {
        writeBytes(file, bytes(a));
    }

    /** An .npz archive (numpy.load returns a dict-like NpzFile): one array per name. */
    public static void writeNpz(Path file, Map<String, Array> arrays) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bos)) {
            for (Map.Entry<String, Array> e : new LinkedHashMap<>(arrays).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(bytes(e.getValue()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeBytes(file, bos.toByteArray());
    }

    private static void writeBytes(Path file, byte[] b) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
