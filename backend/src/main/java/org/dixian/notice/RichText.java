package org.dixian.notice;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans a rich-text body against an allow-list of simple tags (paragraphs, emphasis, lists, headings, tables,
 * links), so that nothing a publisher writes can run as script or restyle the reader's page. The mini-program shows
 * the result with its rich-text component.
 */
final class RichText {
    private static final Safelist ALLOWED = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "caption", "hr")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private RichText() {
    }

    /** The body with every tag and attribute outside the allow-list removed (their text kept). */
    static String clean(String html) {
        return Jsoup.clean(html, "", ALLOWED, OUTPUT);
    }

    /** Whether the cleaned body has any visible text. */
    static boolean hasText(String cleaned) {
        return !Jsoup.parse(cleaned).text().isBlank();
    }
}
