package org.ebmjava.nb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlOpsTest {
    @Test
    void escapeHandlesTheFiveSpecialCharacters() {
        assertEquals("a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;", HtmlOps.escape("a < b && c > \"d\" 'e'"));
        assertEquals("", HtmlOps.escape(null));
    }

    @Test
    void stripTagsKeepsTextAndLineStructure() {
        assertEquals("Title\nline one\nline two",
                HtmlOps.stripTags("<h3>Title</h3><p>line one<br>line two</p>"));
        assertEquals("a  b\n1  2", HtmlOps.stripTags("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"));
        assertEquals("x < y & z", HtmlOps.stripTags("<span>x &lt; y &amp; z</span>"));
        assertEquals("kept", HtmlOps.stripTags("<style>p{color:red}</style><script>alert(1)</script>kept"));
        assertEquals("", HtmlOps.stripTags(null));
    }
}
