package org.ebmjava.viz;

/**
 * Escaping text for HTML, shared by the explorable figures ({@link Explorable}) and the notebook tables
 * ({@code nb.Tables}, through {@code nb.HtmlOps}). It lives here, below {@code nb}, because {@code nb} depends on
 * {@code viz} and not the other way round.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes the five characters with a meaning in HTML text and attribute values: {@code & < > " '}.
     *
     * @param text the text; {@code null} gives the empty string
     * @return the text, safe to place between tags or inside a quoted attribute
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default: b.append(c);
            }
        }
        return b.toString();
    }
}
