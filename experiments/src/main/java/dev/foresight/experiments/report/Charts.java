package dev.foresight.experiments.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Renders the report's charts with JFreeChart as PNG, inlined in the HTML as data URIs (one self-contained file). */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** One bar per label. */
    static String bars(String title, String valueAxis, Map<String, Double> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((label, value) -> data.addValue(value, valueAxis, label));
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, false, true, false);
        return png(chart);
    }

    /** One line per series; x and y in parallel lists. */
    static String lines(String title, String xAxis, String yAxis, Map<String, List<double[]>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries s = new XYSeries(name, false, true);
            points.forEach(p -> s.add(p[0], p[1]));
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xAxis, yAxis, data, PlotOrientation.VERTICAL, true, true, false);
        return png(chart);
    }

    private static String png(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart " + chart.getTitle(), e);
        }
    }
}
