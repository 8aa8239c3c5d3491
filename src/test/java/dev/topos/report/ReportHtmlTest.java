package dev.topos.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportHtmlTest {
    @Test
    void escapesMarkupCharacters() {
        assertEquals("&lt;b&gt;a &amp; &quot;b&quot; &#39;c&#39;&lt;/b&gt;", ReportHtml.escape("<b>a & \"b\" 'c'</b>"));
    }

    @Test
    void encodesPathsAsRelativeUrls() {
        assertEquals("figures/maps_1.png", ReportHtml.encodePath("figures/maps_1.png"));
        assertEquals("figures/a%20b%231%3A%C3%A9.png", ReportHtml.encodePath("figures/a b#1:é.png"));
    }

    @Test
    void formatsNumbersCompactly() {
        assertEquals("200", ReportHtml.formatNumber(200));
        assertEquals("3000000000", ReportHtml.formatNumber(3_000_000_000L));
        assertEquals("3", ReportHtml.formatNumber(3.0));
        assertEquals("0.125", ReportHtml.formatNumber(0.125));
        assertEquals("0.333333", ReportHtml.formatNumber(1.0 / 3));
        assertEquals("1.23457E-7", ReportHtml.formatNumber(1.234567e-7));
        assertEquals("NaN", ReportHtml.formatNumber(Double.NaN));
    }
}
