package org.dixian.notification;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** WeChat's limits on subscribe-message values (a thing is at most 20 characters) and its page paths. */
class SubscribeTextTest {

    @Test
    void shortTextIsKeptOnOneLine() {
        assertEquals("申报已受理", Notifications.thing("  申报已受理 "));
        assertEquals("村级评议 已通过", Notifications.thing("村级评议\n  已通过"));
        String twenty = "一二三四五六七八九十一二三四五六七八九十";
        assertEquals(twenty, Notifications.thing(twenty));
    }

    @Test
    void longTextIsCutToTwentyCharactersWithAnEllipsis() {
        String cut = Notifications.thing("一二三四五六七八九十一二三四五六七八九十一");
        assertEquals("一二三四五六七八九十一二三四五六七八九…", cut);
        // Characters outside the BMP count once and are never split.
        String emoji = "😀".repeat(25);
        String e = Notifications.thing(emoji);
        assertEquals(20, e.codePointCount(0, e.length()));
        assertEquals("😀".repeat(19) + "…", e);
    }

    @Test
    void pagesLoseTheirLeadingSlash() {
        assertEquals("pages/cases/detail?id=42", Notifications.page("/pages/cases/detail?id=42"));
        assertEquals("pages/index/index", Notifications.page("pages/index/index"));
        assertNull(Notifications.page(null));
        assertNull(Notifications.page(" "));
    }
}
