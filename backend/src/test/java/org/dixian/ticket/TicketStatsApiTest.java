package org.dixian.ticket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ticket statistics on a controlled set of tickets written by SQL into 谷营镇 (410225105), a township no other test
 * uses, registered on days long past, so that every count is known exactly.
 */
@QuarkusTest
class TicketStatsApiTest {
    static final String GUYING = "410225105000";
    static final String YICUN = "410225105200";
    static final String ERCUN = "410225105201";
    static final LocalDate DAY = LocalDate.of(2025, 6, 2);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    private LocalDate today;

    /** One ticket row as the cycle would have left it. */
    private record T(String region, String status, String category, String channel, OffsetDateTime createdAt,
                     LocalDate acceptDue, LocalDate handleDue, LocalDate superviseDue, Boolean closedLate,
                     int extensions, int rehandles, String satisfaction) {
    }

    private static OffsetDateTime on(LocalDate day, int hour, int minute, int second) {
        return day.atTime(hour, minute, second).atZone(BEIJING).toOffsetDateTime();
    }

    @BeforeEach
    void controlledTickets() {
        today = LocalDate.now(clock);
        // Rows of earlier runs go first (SQL-written, so without steps; the table keeps no history of its own).
        pool.query("delete from ticket where region_code >= '410225105000' and region_code < '410225106000'")
                .execute().await().indefinitely();
        OffsetDateTime d = on(DAY, 10, 0, 0);
        List<T> rows = List.of(
                // 一村: closed on time and satisfied; closed late after an extension, basically satisfied;
                // sent back after a dissatisfied rating and now past its deadline
                new T(YICUN, "CLOSED", "SUBSIDY", "HOTLINE_12345", d, DAY, DAY.plusDays(20), null, false, 0, 0, "SATISFIED"),
                new T(YICUN, "CLOSED", "SUBSIDY", "HOTLINE_12345", d, DAY, DAY.plusDays(20), null, true, 1, 0, "BASICALLY_SATISFIED"),
                new T(YICUN, "HANDLING", "HEALTH", "VISIT", d, DAY, today.minusDays(2), null, null, 0, 1, "DISSATISFIED"),
                // 二村: supervised with a date already past (the handling deadline is not); waiting for acceptance
                // past its day; waiting with its day today (not late); replied after its deadline (not closed yet)
                new T(ERCUN, "HANDLING", "HOUSING", "HOTLINE_12317", d, DAY, today.plusDays(5), today.minusDays(1), null, 0, 0, null),
                new T(ERCUN, "REGISTERED", "HEALTH", "LETTER", d, today.minusDays(1), null, null, null, 0, 0, null),
                new T(ERCUN, "REGISTERED", "OTHER", "HOTLINE_12345", d, today, null, null, null, 0, 0, null),
                new T(ERCUN, "REPLIED", "EDUCATION", "HOTLINE_12345", d, DAY, today.minusDays(10), null, null, 0, 0, null),
                // the township itself: refused
                new T(GUYING, "REFUSED", "OTHER", "VISIT", d, DAY, null, null, null, 0, 0, null),
                // the last second of the next day counts; the first second of the day after does not
                new T(ERCUN, "MERGED", "CADRE_CONDUCT", "OTHER", on(DAY.plusDays(1), 23, 59, 59), DAY, null, null, null, 0, 0, null),
                new T(ERCUN, "MERGED", "CADRE_CONDUCT", "OTHER", on(DAY.plusDays(2), 0, 0, 0), DAY, null, null, null, 0, 0, null),
                // ten days before: only without a start date
                new T(YICUN, "CLOSED", "ASSISTANCE", "HOTLINE_12345", on(DAY.minusDays(10), 9, 0, 0), DAY, DAY, null, false, 0, 0, null));
        for (T t : rows) {
            pool.preparedQuery("""
                    insert into ticket (ticket_no, channel, category, status, title, description, region_code, accept_region,
                                        accept_due, handle_due, supervise_due, supervised, closed_late, extension_count,
                                        rehandle_count, satisfaction, created_at, updated_at)
                    values ($1, $2, $3, $4, '统计测试', '统计测试', $5, '410225105000', $6, $7, $8::date, $8::date is not null, $9, $10,
                            $11, $12, $13, $13)
                    """).execute(Tuple.from(new Object[] {"TST" + Fixtures.marker(), t.channel(), t.category(), t.status(),
                    t.region(), t.acceptDue(), t.handleDue(), t.superviseDue(), t.closedLate(), t.extensions(),
                    t.rehandles(), t.satisfaction(), t.createdAt()})).await().indefinitely();
        }
    }

    private static Tokens.Principal guyingCadre() {
        return Tokens.cadre(Role.TOWNSHIP_CADRE, GUYING);
    }

    private static JsonPath stats(Tokens.Principal p, Map<String, Object> query) {
        Response r = Api.as(p).queryParams(query).get("/api/tickets/stats");
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    private static void assertRow(JsonPath j, String path, long received, long onTime, long overdue, long extended,
                                  long rehandled, long rated, long satisfied, Double rate) {
        assertEquals(List.of(received, onTime, overdue, extended, rehandled, rated, satisfied),
                List.of(j.getLong(path + ".received"), j.getLong(path + ".onTime"), j.getLong(path + ".overdue"),
                        j.getLong(path + ".extended"), j.getLong(path + ".rehandled"), j.getLong(path + ".rated"),
                        j.getLong(path + ".satisfied")), path);
        if (rate == null) {
            assertNull(j.get(path + ".satisfactionRate"), path + ".satisfactionRate");
        } else {
            assertEquals(rate, j.getDouble(path + ".satisfactionRate"), 1e-9, path + ".satisfactionRate");
        }
    }

    @Test
    void aTownshipCountsItsTicketsOfThePeriod() {
        JsonPath j = stats(guyingCadre(), Map.of("from", DAY.toString(), "to", DAY.plusDays(1).toString()));
        assertEquals(GUYING, j.getString("region"));
        assertEquals(DAY.toString(), j.getString("from"));
        assertEquals("谷营镇", j.getString("total.name"));
        assertRow(j, "total", 9, 1, 4, 1, 1, 3, 2, 0.6667);

        // 本级 first, then every village of the township in code order, those without tickets as zeros.
        assertEquals(GUYING, j.getString("byRegion[0].key"));
        assertEquals("谷营镇（本级）", j.getString("byRegion[0].name"));
        assertRow(j, "byRegion[0]", 1, 0, 0, 0, 0, 0, 0, null);
        assertEquals(YICUN, j.getString("byRegion[1].key"));
        assertEquals("一村", j.getString("byRegion[1].name"));
        assertRow(j, "byRegion[1]", 3, 1, 2, 1, 1, 3, 2, 0.6667);
        assertEquals(ERCUN, j.getString("byRegion[2].key"));
        assertRow(j, "byRegion[2]", 5, 0, 2, 0, 0, 0, 0, null);
        List<String> keys = j.getList("byRegion.key");
        assertTrue(keys.size() > 20, keys::toString);
        assertTrue(keys.stream().skip(1).allMatch(k -> k.startsWith("410225105") && !k.equals(GUYING)), keys::toString);
        assertEquals(9L, j.getList("byRegion.received", Long.class).stream().mapToLong(Long::longValue).sum());

        // Every category and channel, in a stable order.
        assertEquals(List.of("ASSISTANCE", "MONITORING", "SUBSIDY", "HEALTH", "EDUCATION", "HOUSING", "EMPLOYMENT",
                "CADRE_CONDUCT", "OTHER"), j.getList("byCategory.key"));
        assertEquals("补贴资金", j.getString("byCategory[2].name"));
        assertRow(j, "byCategory[2]", 2, 1, 1, 1, 0, 2, 2, 1.0);
        assertRow(j, "byCategory[3]", 2, 0, 2, 0, 1, 1, 0, 0.0);
        assertRow(j, "byCategory[0]", 0, 0, 0, 0, 0, 0, 0, null);
        assertEquals(List.of("MINIPROGRAM", "HOTLINE_12345", "HOTLINE_12317", "LETTER", "VISIT", "OTHER"), j.getList("byChannel.key"));
        assertEquals("12345 热线", j.getString("byChannel[1].name"));
        assertRow(j, "byChannel[1]", 4, 1, 1, 1, 0, 2, 2, 1.0);
        assertRow(j, "byChannel[3]", 1, 0, 1, 0, 0, 0, 0, null);
        assertRow(j, "byChannel[5]", 1, 0, 0, 0, 0, 0, 0, null);
    }

    @Test
    void withoutDatesEverythingCounts() {
        JsonPath j = stats(guyingCadre(), Map.of());
        assertNull(j.get("from"));
        assertRow(j, "total", 11, 2, 4, 1, 1, 3, 2, 0.6667);
        JsonPath since = stats(guyingCadre(), Map.of("from", DAY.plusDays(1).toString()));
        assertRow(since, "total", 2, 0, 0, 0, 0, 0, 0, null);
        JsonPath until = stats(guyingCadre(), Map.of("to", DAY.minusDays(1).toString()));
        assertRow(until, "total", 1, 1, 0, 0, 0, 0, 0, null);
    }

    @Test
    void drillsDownFromTheCountyToAVillage() {
        Map<String, Object> period = Map.of("from", DAY.toString(), "to", DAY.plusDays(1).toString());
        JsonPath county = stats(Tokens.countyCadre(), period);
        assertEquals(DemoData.COUNTY, county.getString("region"));
        int i = county.getList("byRegion.key").indexOf(GUYING);
        assertTrue(i >= 0, county.getList("byRegion.key")::toString);
        assertEquals("谷营镇", county.getString("byRegion[" + i + "].name"));
        assertRow(county, "byRegion[" + i + "]", 9, 1, 4, 1, 1, 3, 2, 0.6667);
        assertTrue(county.getList("byRegion.key", String.class).stream().allMatch(k -> k.endsWith("000")));

        JsonPath village = stats(Tokens.countyCadre(), Map.of("region", YICUN, "from", DAY.toString(), "to", DAY.plusDays(1).toString()));
        assertEquals(1, village.getList("byRegion").size());
        assertEquals(YICUN, village.getString("byRegion[0].key"));
        assertEquals("一村", village.getString("byRegion[0].name"));
        assertRow(village, "byRegion[0]", 3, 1, 2, 1, 1, 3, 2, 0.6667);
        assertRow(village, "total", 3, 1, 2, 1, 1, 3, 2, 0.6667);

        JsonPath province = stats(Tokens.provinceCadre(), Map.of("region", "410200000000", "from", DAY.toString(),
                "to", DAY.plusDays(1).toString()));
        int k = province.getList("byRegion.key").indexOf("410225000000");
        assertTrue(province.getLong("byRegion[" + k + "].received") >= 9);
    }

    @Test
    void badParametersAreRefused() {
        assertInvalid(Api.unchecked().auth().oauth2(guyingCadre().token())
                .queryParam("from", DAY.plusDays(1).toString()).queryParam("to", DAY.toString()).get("/api/tickets/stats"), "from");
        assertInvalid(Api.unchecked().auth().oauth2(guyingCadre().token()).queryParam("region", "4102").get("/api/tickets/stats"), "region");
        assertProblem(Api.unchecked().auth().oauth2(guyingCadre().token()).queryParam("from", "2025-13-01").get("/api/tickets/stats"), 400);
        assertProblem(Api.as(guyingCadre()).queryParam("region", "410225105999").get("/api/tickets/stats"), 404);
        assertProblem(Api.as(Tokens.villageCadre()).get("/api/tickets/stats"), 403);
    }

    @Test
    void exportsTheSameFiguresAsAWorkbook() throws Exception {
        Response r = Api.as(guyingCadre()).queryParam("from", DAY.toString()).queryParam("to", DAY.plusDays(1).toString())
                .get("/api/tickets/stats/export");
        r.then().statusCode(200).contentType(TicketStatsExport.XLSX);
        assertTrue(r.header("Content-Disposition").contains("attachment"));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            assertEquals(List.of("按区划", "按类别", "按渠道"), wb.getSheets().map(Sheet::getName).toList());
            List<List<String>> byRegion = rows(wb.getSheet(0).orElseThrow());
            assertEquals(List.of("区划代码", "区划名称", "受理量", "按时办结", "超期", "延期", "重办", "已评价", "满意（含基本满意）", "满意率"),
                    byRegion.get(0));
            assertEquals(List.of(GUYING, "谷营镇（本级）", "1", "0", "0", "0", "0", "0", "0"), byRegion.get(1));
            assertEquals(List.of(YICUN, "一村", "3", "1", "2", "1", "1", "3", "2", "0.6667"), byRegion.get(2));
            assertEquals(List.of("", "合计", "9", "1", "4", "1", "1", "3", "2", "0.6667"), byRegion.get(byRegion.size() - 1));
            List<List<String>> byCategory = rows(wb.getSheet(1).orElseThrow());
            assertEquals("类别", byCategory.get(0).get(0));
            assertEquals(List.of("补贴资金", "2", "1", "1", "1", "0", "2", "2", "1"), byCategory.get(3));
            assertEquals(11, byCategory.size(), "header, nine categories, total");
            List<List<String>> byChannel = rows(wb.getSheet(2).orElseThrow());
            assertEquals("渠道", byChannel.get(0).get(0));
            assertEquals(List.of("12345 热线", "4", "1", "1", "1", "0", "2", "2", "1"), byChannel.get(2));
        }
    }

    @Test
    void theExportRefusesWithProblemsNotWorkbooks() {
        assertProblem(Api.as(Tokens.villageCadre()).get("/api/tickets/stats/export"), 403);
        assertProblem(Api.as(guyingCadre()).queryParam("region", DemoData.TOWNSHIP).get("/api/tickets/stats/export"), 404);
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal guying = guyingCadre();
        Tokens.Principal client = Tokens.demoClient("alerts:push", "households:read", "regions:read", "tickets:push");
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/tickets/stats?region=" + GUYING)
                        .accepts(guying, 200)
                        .wrongRole(Tokens.cadre(Role.VILLAGE_CADRE, YICUN), 403)
                        .wrongRole(Tokens.cadre(Role.INFO_OFFICER, YICUN), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.countyManager(), 403)
                        .refuses("client", client, 403)
                        .otherRegion(Tokens.townshipCadre(), 404)
                        .otherRegion(Tokens.cadre(Role.COUNTY_CADRE, "410102000000"), 404),
                SecurityMatrix.get("/api/tickets/stats?region=" + DemoData.COUNTY)
                        .accepts(Tokens.countyCadre(), 200)
                        .parentRegion(guying, 404),
                SecurityMatrix.get("/api/tickets/stats/export?region=" + GUYING)
                        .accepts(guying, 200)
                        .wrongRole(Tokens.cadre(Role.VILLAGE_CADRE, YICUN), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .refuses("client", client, 403)
                        .otherRegion(Tokens.townshipCadre(), 404));
    }

    private static List<List<String>> rows(Sheet sheet) throws Exception {
        return sheet.read().stream().map(row -> row.stream()
                        .map(c -> c == null || c.getRawValue() == null ? "" : c.getRawValue())
                        .map(v -> v.endsWith(".0") ? v.substring(0, v.length() - 2) : v)
                        .collect(Collectors.toList()))
                .collect(Collectors.toList());
    }
}
