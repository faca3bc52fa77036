package org.ebmjava.nb;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables rendered for people: a styled HTML table for notebooks and a fixed-width text
 * table for logs.
 *
 * <p>Floating-point cells are rounded to 4 significant digits ({@link #formatNumber(double)}),
 * integer cells are written in full, numeric columns are right-aligned and text left-aligned,
 * and all text is HTML-escaped. Missing cells are blank, except NaN in floating-point columns,
 * which is written "NaN".
 */
public final class Tables {
    /** Rows shown by {@link #html(Table)} before the rest is summarised in one line. */
    public static final int DEFAULT_MAX_ROWS = 50;

    private static final String TABLE_STYLE = "border-collapse:collapse;font-family:sans-serif;font-size:13px;"
            + "font-variant-numeric:tabular-nums;margin:4px 0";
    private static final String CAPTION_STYLE = "caption-side:top;text-align:left;font-weight:bold;padding:4px 0";
    private static final String TH_STYLE = "padding:3px 10px;border-bottom:2px solid #888;";
    private static final String TD_STYLE = "padding:2px 10px;border-bottom:1px solid #ddd;";

    private Tables() {}

    /**
     * Renders a table as HTML, showing at most {@link #DEFAULT_MAX_ROWS} rows.
     *
     * @param t The table; its name becomes the caption. Not modified.
     * @return An HTML table element.
     */
    public static String html(Table t) {
        return html(t, DEFAULT_MAX_ROWS);
    }

    /**
     * Renders a table as HTML, showing at most maxRows rows and a final line "... n more rows".
     *
     * @param t The table; its name becomes the caption. Not modified.
     * @param maxRows Most rows to show, at least 0.
     * @return An HTML table element.
     */
    public static String html(Table t, int maxRows) {
        if (t == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be at least 0, found " + maxRows);
        }
        StringBuilder b = new StringBuilder();
        b.append("<table style=\"").append(TABLE_STYLE).append("\">");
        if (t.name() != null && !t.name().isEmpty()) {
            b.append("<caption style=\"").append(CAPTION_STYLE).append("\">")
                    .append(HtmlOps.escape(t.name())).append("</caption>");
        }
        b.append("<thead><tr>");
        for (Column<?> c : t.columns()) {
            b.append("<th style=\"").append(TH_STYLE).append(align(c)).append("\">")
                    .append(HtmlOps.escape(c.name())).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        int shown = Math.min(maxRows, t.rowCount());
        for (int r = 0; r < shown; r++) {
            b.append("<tr>");
            for (Column<?> c : t.columns()) {
                b.append("<td style=\"").append(TD_STYLE).append(align(c)).append("\">")
                        .append(HtmlOps.escape(cell(c, r))).append("</td>");
            }
            b.append("</tr>");
        }
        if (shown < t.rowCount()) {
            int more = t.rowCount() - shown;
            b.append("<tr><td colspan=\"").append(Math.max(1, t.columnCount()))
                    .append("\" style=\"").append(TD_STYLE).append("text-align:left;color:#666\">&hellip; ")
                    .append(more).append(more == 1 ? " more row" : " more rows").append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /**
     * Shows a table in the notebook as HTML (printed as text outside a kernel).
     *
     * @param t The table. Not modified.
     * @return The display id.
     */
    public static String show(Table t) {
        return Notebook.html(html(t));
    }

    /**
     * Renders all rows of a table as fixed-width plain text: the name, a header, a rule, the rows.
     *
     * @param t The table. Not modified.
     * @return Lines separated by '\n', without a trailing newline.
     */
    public static String text(Table t) {
        if (t == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        int cols = t.columnCount();
        String[][] cells = new String[t.rowCount()][cols];
        int[] w = new int[cols];
        for (int j = 0; j < cols; j++) {
            Column<?> c = t.column(j);
            w[j] = c.name().length();
            for (int r = 0; r < t.rowCount(); r++) {
                cells[r][j] = cell(c, r);
                w[j] = Math.max(w[j], cells[r][j].length());
            }
        }
        StringBuilder b = new StringBuilder();
        if (t.name() != null && !t.name().isEmpty()) {
            b.append(t.name()).append('\n');
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int j = 0; j < cols; j++) {
            String sep = j == 0 ? "" : "  ";
            header.append(sep).append(pad(t.column(j).name(), w[j], t.column(j) instanceof NumericColumn));
            rule.append(sep).append("-".repeat(w[j]));
        }
        b.append(header).append('\n').append(rule);
        for (String[] row : cells) {
            b.append('\n');
            for (int j = 0; j < cols; j++) {
                b.append(j == 0 ? "" : "  ").append(pad(row[j], w[j], t.column(j) instanceof NumericColumn));
            }
        }
        return b.toString();
    }

    /**
     * Formats a number to 4 significant digits: plainly for 1e-4 &le; |v| &lt; 1e6 without trailing
     * zeros ("0.1235", "1235", "2"), otherwise in scientific notation ("1.235e-05", "2e+07").
     *
     * @param v The number.
     * @return Its text; "NaN", "Infinity" or "-Infinity" for non-finite values, "0" for zero.
     */
    public static String formatNumber(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            return BigDecimal.valueOf(v).round(new MathContext(4, RoundingMode.HALF_EVEN))
                    .stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.3e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("\\.?0+$", "");
        return mantissa + s.substring(e);
    }

    private static boolean isInteger(Column<?> c) {
        return c instanceof IntColumn || c instanceof LongColumn || c instanceof ShortColumn;
    }

    private static String align(Column<?> c) {
        return c instanceof NumericColumn ? "text-align:right" : "text-align:left";
    }

    private static String cell(Column<?> c, int r) {
        if (isInteger(c)) {
            return c.isMissing(r) ? "" : String.valueOf(c.get(r));
        }
        if (c instanceof NumericColumn) {
            return formatNumber(((NumericColumn<?>) c).getDouble(r));
        }
        return c.isMissing(r) ? "" : String.valueOf(c.getString(r));
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
