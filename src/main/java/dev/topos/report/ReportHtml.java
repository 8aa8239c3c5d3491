package dev.topos.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a self-contained HTML page: inline CSS, no JavaScript, no external resources, every
 * piece of text escaped, and images referenced by paths relative to the run folder so the
 * folder can be moved and opened offline. A figure whose file does not exist is shown as a note
 * instead of a broken image.
 */
final class ReportHtml {
    private static final String CSS = """
            body { font-family: sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }
            h1 { border-bottom: 2px solid #444; padding-bottom: .2em; }
            h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
            .text { white-space: pre-wrap; line-height: 1.4; }
            pre { background: #f5f5f5; padding: .8em; overflow-x: auto; font-size: 90%; }
            table { border-collapse: collapse; margin: 1em 0; }
            caption { font-weight: bold; text-align: left; padding-bottom: .3em; }
            th, td { border: 1px solid #ccc; padding: .25em .6em; }
            th { background: #eee; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1em 0; }
            img { max-width: 100%; border: 1px solid #eee; }
            figcaption, .missing { color: #555; font-size: 90%; }
            .provenance { color: #555; font-size: 90%; line-height: 1.4; }
            .warn { background: #fff3cd; border: 1px solid #e0c36a; padding: .5em .8em; }
            """;
    /** Significant digits shown for non-integral numbers. */
    private static final MathContext DIGITS = new MathContext(6);

    private final String title;
    private final Path runDir;
    private final StringBuilder body = new StringBuilder();

    /** A page with the given title whose figure paths are relative to {@code runDir}. */
    ReportHtml(String title, Path runDir) {
        this.title = title;
        this.runDir = runDir;
    }

    /** Appends a section: heading, text, tables, then figures. */
    ReportHtml section(ReportSection section) {
        body.append("<section>\n<h2>").append(escape(section.title())).append("</h2>\n");
        if (!section.text().isEmpty()) {
            body.append("<div class=\"text\">").append(escape(section.text())).append("</div>\n");
        }
        section.tables().forEach(this::table);
        section.figures().forEach(this::figure);
        body.append("</section>\n");
        return this;
    }

    /** Appends a line of small print under the title, e.g. the run's provenance. */
    ReportHtml provenance(String text) {
        body.append("<p class=\"provenance\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Appends a highlighted warning, e.g. that the run did not finish. */
    ReportHtml warning(String text) {
        body.append("<p class=\"warn\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Appends a section whose body is pre-formatted text (e.g. YAML). */
    ReportHtml preformatted(String heading, String text) {
        body.append("<section>\n<h2>").append(escape(heading)).append("</h2>\n<pre>")
                .append(escape(text)).append("</pre>\n</section>\n");
        return this;
    }

    /** The complete page. */
    String toHtml() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n"
                + body + "</body>\n</html>\n";
    }

    private void table(ReportTable table) {
        body.append("<table>\n");
        if (!table.title().isEmpty()) {
            body.append("<caption>").append(escape(table.title())).append("</caption>\n");
        }
        body.append("<thead><tr>");
        table.columns().forEach(c -> body.append("<th>").append(escape(c)).append("</th>"));
        body.append("</tr></thead>\n<tbody>\n");
        for (var row : table.rows()) {
            body.append("<tr>");
            for (Object cell : row) {
                body.append(cell instanceof Number n
                        ? "<td class=\"num\">" + escape(formatNumber(n))
                        : "<td>" + escape(cell.toString())).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody>\n</table>\n");
    }

    private void figure(ReportFigure figure) {
        if (!Files.isRegularFile(runDir.resolve(figure.file()))) {
            body.append("<p class=\"missing\">Missing figure: ").append(escape(figure.file())).append("</p>\n");
            return;
        }
        body.append("<figure><img src=\"").append(escape(encodePath(figure.file()))).append("\" alt=\"")
                .append(escape(figure.caption())).append("\">");
        if (!figure.caption().isEmpty()) {
            body.append("<figcaption>").append(escape(figure.caption())).append("</figcaption>");
        }
        body.append("</figure>\n");
    }

    /** Escapes the five HTML-significant characters, for element content and quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A relative file path as a URL path: '/' separates segments, unreserved characters stay,
     * everything else (spaces, ':', '#', '%', non-ASCII) is percent-encoded as UTF-8; a
     * Windows '\' separator is read as '/'.
     */
    static String encodePath(String file) {
        StringBuilder out = new StringBuilder();
        for (byte b : file.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /**
     * Integers in full; other numbers to six significant digits without trailing zeros, in
     * scientific notation outside [1e-4, 1e9); NaN and infinities by name.
     */
    static String formatNumber(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal rounded = new BigDecimal(d).round(DIGITS).stripTrailingZeros();
        double magnitude = Math.abs(d);
        return magnitude >= 1e-4 && magnitude < 1e9 ? rounded.toPlainString() : rounded.toString();
    }
}
