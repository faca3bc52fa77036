package org.ebmjava.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The course's common look: white background, readable fonts, one colour cycle, default size. */
final class PlotStyle {
    static final int DEFAULT_WIDTH = 640;
    static final int DEFAULT_HEIGHT = 400;

    /** Series colours in order (the widely used "tab10" cycle). */
    static final Color[] SERIES = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
        new Color(0xBCBD22), new Color(0x17BECF)
    };

    static final Color TEXT = new Color(0x222222);
    static final Color FRAME = new Color(0x9A9A9A);
    static final Color GRID = new Color(0xE8E8E8);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private PlotStyle() {}

    static Color series(int index) {
        return SERIES[Math.floorMod(index, SERIES.length)];
    }

    static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Applies the common look to an XChart axes chart (XY or category). */
    static void apply(AxesChartStyler s, String title) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(FRAME);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartFontColor(TEXT);
        s.setChartTitleFont(TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleVisible(title != null && !title.isEmpty());
        s.setAxisTitleFont(AXIS_TITLE_FONT);
        s.setAxisTickLabelsFont(TICK_FONT);
        s.setAxisTickLabelsColor(TEXT);
        s.setLegendFont(TICK_FONT);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setSeriesColors(SERIES);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
        s.setLocale(Locale.ROOT);
        s.setChartPadding(10);
    }

    /**
     * The tick-label pattern for an axis showing [lo, hi]: plain with up to six decimals and a
     * leading zero ("0.05", "1250"), or scientific ("1.5E-5") where plain labels would lose digits.
     */
    static String decimalPattern(double lo, double hi, boolean log) {
        double m = Math.max(Math.abs(lo), Math.abs(hi));
        boolean scientific = log ? lo < 1e-3 || hi >= 1e6 : (m > 0 && m < 1e-3) || m >= 1e6;
        return scientific ? "0.##E0" : "0.######";
    }

    /** Paints a chart into a new RGB image of the given size. */
    static BufferedImage render(Chart<?, ?> chart, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Creates a white RGB canvas and returns its graphics with anti-aliasing switched on. */
    static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }
}
