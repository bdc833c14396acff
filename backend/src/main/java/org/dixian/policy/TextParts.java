package org.dixian.policy;

import java.util.ArrayList;
import java.util.List;

/** Splits a text at each occurrence of a query and of each of its words (case-insensitive), for highlighting. */
public final class TextParts {
    private TextParts() {
    }

    /** The search terms of a query: the whole query and each whitespace-separated word, longest first. */
    public static List<String> terms(String q) {
        List<String> out = new ArrayList<>();
        if (q == null || q.isBlank()) {
            return out;
        }
        String whole = q.strip();
        out.add(whole);
        for (String w : whole.split("\\s+")) {
            if (!w.isEmpty() && !out.contains(w)) {
                out.add(w);
            }
        }
        out.sort((a, b) -> b.length() - a.length());
        return out;
    }

    public static List<TextPart> split(String text, String q) {
        List<TextPart> parts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return parts;
        }
        List<String> terms = terms(q);
        boolean[] hit = new boolean[text.length()];
        for (String t : terms) {
            for (int i = 0; i + t.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, t, 0, t.length())) {
                    for (int k = i; k < i + t.length(); k++) {
                        hit[k] = true;
                    }
                }
            }
        }
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || hit[i] != hit[start]) {
                parts.add(new TextPart(text.substring(start, i), hit[start]));
                start = i;
            }
        }
        return parts;
    }
}
