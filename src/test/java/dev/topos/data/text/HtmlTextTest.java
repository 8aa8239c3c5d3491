package dev.topos.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void lineBreakTagsBecomeOneSpace() {
        assertEquals("First line. Second line.", HtmlText.clean("First line.<br /><br />Second line."));
        assertEquals("a b", HtmlText.clean("a<BR>b"));
    }

    @Test
    void otherTagsAndAttributesAreRemoved() {
        assertEquals("an italic word", HtmlText.clean("an <i>italic</i> word"));
        assertEquals("x y", HtmlText.clean("x<a href=\"http://e.x/?q=1\">y</a>"));
        assertEquals("p one", HtmlText.clean("<p>p one<hr>"));
    }

    @Test
    void textThatOnlyLooksLikeATagStays() {
        assertEquals("I <3 it", HtmlText.clean("I <3 it"));
        assertEquals("< Cough > ok", HtmlText.clean("< Cough > ok"));
        // "<_<" must not swallow everything up to the next ">" (the line break tag)
        assertEquals("<_< but fine. next", HtmlText.clean("<_< but fine.<br />next"));
        assertEquals("rated <=8. bye", HtmlText.clean("rated <=8.<br />bye"));
    }

    @Test
    void entitiesAreDecodedUnknownOnesKept() {
        assertEquals("Tom & Jerry <3 \"hi\" it\u2019s A\u2026 &A; &#xD800;",
                HtmlText.clean("Tom &amp; Jerry &lt;3 &quot;hi&quot; it&#8217;s &#x41;&hellip; &A; &#xD800;"));
    }

    @Test
    void whitespaceRunsCollapseAndEndsAreTrimmed() {
        assertEquals("a b c", HtmlText.clean("  a \t\n b&nbsp;\u00A0c  "));
        assertEquals("", HtmlText.clean(" <br /> "));
    }
}
