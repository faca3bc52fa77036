package org.ebmjava.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {
    @AfterEach
    void uninstall() {
        Notebook.install(null);
    }

    private static Table sample() {
        return Table.create("Results <v2>",
                StringColumn.create("model", "RBM", "a<b"),
                IntColumn.create("steps", 1234567, 10),
                DoubleColumn.create("log Z", Math.PI, 1.0e-5 * 1.2345678));
    }

    @Test
    void numbersHaveFourSignificantDigits() {
        assertEquals("3.142", Tables.formatNumber(Math.PI));
        assertEquals("2.718", Tables.formatNumber(Math.E));
        assertEquals("-0.5", Tables.formatNumber(-0.5));
        assertEquals("2", Tables.formatNumber(2.0));
        assertEquals("0.3", Tables.formatNumber(0.1 + 0.2));
        assertEquals("123500", Tables.formatNumber(123456.7));
        assertEquals("1.235e+06", Tables.formatNumber(1234567.0));
        assertEquals("1.235e-05", Tables.formatNumber(1.2345678e-5));
        assertEquals("1e-07", Tables.formatNumber(1e-7));
        assertEquals("0", Tables.formatNumber(-0.0));
        assertEquals("NaN", Tables.formatNumber(Double.NaN));
        assertEquals("-Infinity", Tables.formatNumber(Double.NEGATIVE_INFINITY));
    }

    @Test
    void htmlEscapesTextAndFormatsNumbers() {
        String html = Tables.html(sample());
        assertTrue(html.contains("a&lt;b"), html);
        assertFalse(html.contains("a<b"), "raw '<' from a cell");
        assertTrue(html.contains("Results &lt;v2&gt;"), "caption is the escaped table name");
        assertTrue(html.contains(">3.142<"), "doubles to 4 significant digits");
        assertTrue(html.contains(">1.235e-05<"));
        assertTrue(html.contains(">1234567<"), "integers in full");
        assertTrue(html.contains("<caption"));
    }

    @Test
    void numericCellsAreRightAlignedAndTextLeftAligned() {
        String html = Tables.html(sample());
        assertTrue(html.contains("text-align:right\">3.142</td>"), html);
        assertTrue(html.contains("text-align:left\">RBM</td>"), html);
    }

    @Test
    void longTablesAreCutWithACount() {
        Table t = Table.create("t", IntColumn.create("i", new int[] {1, 2, 3, 4, 5}));
        String html = Tables.html(t, 3);
        assertTrue(html.contains(">3<") && !html.contains(">4<"), html);
        assertTrue(html.contains("2 more rows"), html);
        assertThrows(IllegalArgumentException.class, () -> Tables.html(t, -1));
    }

    @Test
    void textIsAFixedWidthTable() {
        String text = Tables.text(sample());
        String[] lines = text.split("\n");
        assertEquals("Results <v2>", lines[0]);
        assertEquals(5, lines.length, "name, header, rule, two rows");
        int width = lines[1].length();
        for (int i = 2; i < lines.length; i++) {
            assertEquals(width, lines[i].length(), "line " + i + " is as wide as the header");
        }
        assertTrue(lines[3].endsWith("3.142"), "numbers right-aligned: " + lines[3]);
        assertTrue(lines[4].startsWith("a<b"), "text left-aligned and not escaped: " + lines[4]);
    }

    @Test
    void showSendsHtmlToTheSink() {
        RecordingSink sink = new RecordingSink();
        Notebook.install(sink);
        Tables.show(sample());
        assertEquals("text/html", sink.last().mime);
        assertTrue(((String) sink.last().value).startsWith("<table"));
    }
}
