package org.ebmjava.nb;

/** Escaping text for HTML, and reducing HTML to plain text for consoles and logs. */
public final class HtmlOps {
    private HtmlOps() {}

    /**
     * Escapes the five characters that HTML gives a meaning: &amp; &lt; &gt; " and '.
     *
     * @param text Any text; null gives "".
     * @return The text, safe inside an element or a quoted attribute.
     */
    public static String escape(String text) {
        return org.ebmjava.viz.Html.escape(text);
    }

    /**
     * Turns an HTML fragment into readable plain text: script and style blocks are dropped, line
     * breaks, paragraphs, rows and list items become new lines, table cells are separated by two
     * spaces, all other tags are removed, common entities are decoded and blank lines collapsed.
     *
     * @param html An HTML fragment; null gives "".
     * @return The plain text, trimmed.
     */
    public static String stripTags(String html) {
        if (html == null) {
            return "";
        }
        String s = html.replaceAll("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|tr|li|caption|table|h[1-6])\\s*>", "\n")
                .replaceAll("(?i)</t[dh]\\s*>", "  ")
                .replaceAll("<[^>]*>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&middot;", "\u00b7")
                .replace("&amp;", "&");
        StringBuilder b = new StringBuilder();
        boolean blank = false;
        for (String line : s.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty()) {
                blank = b.length() > 0;
                continue;
            }
            if (b.length() > 0) {
                b.append(blank ? "\n\n" : "\n");
            }
            b.append(t);
            blank = false;
        }
        return b.toString();
    }
}
