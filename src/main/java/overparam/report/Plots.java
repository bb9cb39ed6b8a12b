package overparam.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Figures for the report, drawn with XChart and saved as PNG (headless). */
public final class Plots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {}

    /** One named series of a line or scatter plot. */
    public record Series(String name, double[] x, double[] y, boolean line) {
        public static Series line(String name, double[] x, double[] y) {
            return new Series(name, x, y, true);
        }

        public static Series points(String name, double[] x, double[] y) {
            return new Series(name, x, y, false);
        }
    }

    public static XYChart chart(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series) {
        XYChart c = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setYAxisLogarithmic(logY);
        c.getStyler().setMarkerSize(6);
        for (Series s : series) {
            XYSeries xy = c.addSeries(s.name(), s.x(), s.y());
            if (s.line()) xy.setMarker(SeriesMarkers.NONE);
            else xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        return c;
    }

    /** Saves a line or scatter plot as PNG; returns the file. */
    public static Path save(Path file, String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Series> series) {
        return save(file, chart(title, xLabel, yLabel, logX, logY, series));
    }

    public static Path save(Path file, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String name = file.toString();
            String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
            BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
            return Path.of(base + ".png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
