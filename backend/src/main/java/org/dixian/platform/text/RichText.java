package org.dixian.platform.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Rich text of policy and notice bodies, cleaned on save with an allow-list: paragraphs, line breaks, emphasis, lists, h3/h4,
 * tables and links to http(s) only. Scripts, styles, event handlers and every other attribute are dropped.
 */
public final class RichText {
    private static final Safelist ALLOWED = new Safelist()
            .addTags("p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "h3", "h4",
                    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private RichText() {
    }

    /** The safe HTML; null for a null or blank body. */
    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String cleaned = Jsoup.clean(html, "", ALLOWED, OUTPUT).trim();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Whether a (cleaned) body has any visible text. */
    public static boolean hasText(String html) {
        return !text(html).isBlank();
    }

    /** The plain text of a (cleaned) body, for search. */
    public static String text(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }
}
