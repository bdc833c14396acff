package org.dixian.worklog;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 驻村日志: who writes for which village and date, photos and households, who reads, comments and the export. */
@QuarkusTest
class WorkLogApiTest {
    /** 曹寨村, another village of 堌阳镇. */
    static final String SAME_TOWNSHIP_VILLAGE = "410225101202";
    /** 南彰镇 and its 南彰村: another township of 兰考县. */
    static final String OTHER_TOWNSHIP = "410225102000";
    static final String OTHER_TOWNSHIP_VILLAGE = "410225102200";

    @Inject
    Pool pool;
    @Inject
    Clock clock;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A resident cadre account of 任庄村 of its own (so its messages are only this test's). */
    static Tokens.Principal residentCadre() {
        return Fixtures.anAccount().role(Role.RESIDENT_CADRE).inRegion(DemoData.VILLAGE).create().principal();
    }

    Map<String, Object> log(String village, LocalDate date, String content) {
        Map<String, Object> m = new HashMap<>();
        m.put("villageCode", village);
        m.put("date", date.toString());
        m.put("content", content);
        return m;
    }

    static Response write(Tokens.Principal p, Map<String, Object> body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post("/api/logs");
    }

    static JsonPath written(Tokens.Principal p, Map<String, Object> body) {
        Response r = write(p, body);
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    static long photo(Tokens.Principal p) {
        Response r = Api.as(p).multiPart("file", "photo.jpg", org.dixian.media.TestPhotos.jpeg(), "image/jpeg").post("/api/media");
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath().getLong("id");
    }

    static List<Long> listed(Tokens.Principal p, String region) {
        var spec = Api.as(p).queryParam("limit", 100);
        if (region != null) {
            spec = spec.queryParam("region", region);
        }
        Response r = spec.get("/api/logs");
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath().getList("items.id", Long.class);
    }

    private long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aResidentCadreWritesALogWithAPhotoAndAHouseholdOfTheVillage() {
        Tokens.Principal author = residentCadre();
        long photo = photo(author);
        long household = Fixtures.aHousehold().create().id();
        Map<String, Object> body = log(DemoData.VILLAGE, today().minusDays(1), "走访脱贫户，了解春耕准备情况");
        body.put("photoIds", List.of(photo));
        body.put("householdIds", List.of(household));
        body.put("latitude", 34.8216);
        body.put("longitude", 114.8256);
        body.put("accuracy", 15.0);
        body.put("taskRef", "visit:1");
        JsonPath w = written(author, body);
        long id = w.getLong("id");
        assertEquals(Long.parseLong(author.subject()), w.getLong("accountId"));
        assertEquals("RESIDENT_CADRE", w.getString("role"));
        assertEquals("任庄村", w.getString("villageName"));
        assertEquals(today().minusDays(1).toString(), w.getString("date"));
        assertEquals(List.of(photo), w.getList("photoIds", Long.class));
        assertEquals(List.of(household), w.getList("householdIds", Long.class));
        assertEquals(34.8216, w.getDouble("latitude"), 1e-9);
        assertEquals("visit:1", w.getString("taskRef"));
        assertTrue(w.getList("comments").isEmpty());
        assertNotNull(w.getString("name"));
        assertEquals("worklog:" + id, pool.preparedQuery("select attached_to from media where id = $1").execute(Tuple.of(photo))
                .await().indefinitely().iterator().next().getString(0));

        JsonPath read = Api.as(Tokens.villageCadre()).get("/api/logs/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals("走访脱贫户，了解春耕准备情况", read.getString("content"));
        assertEquals(List.of(photo), read.getList("photoIds", Long.class));

        // The photo is used now; a second log cannot take it. Logs never change.
        Map<String, Object> again = log(DemoData.VILLAGE, today(), "再用一次照片");
        again.put("photoIds", List.of(photo));
        assertInvalid(write(author, again), "photoIds");
        boolean refused;
        try {
            pool.preparedQuery("update work_log set content = 'x' where id = $1").execute(Tuple.of(id)).await().indefinitely();
            refused = false;
        } catch (RuntimeException e) {
            refused = true;
        }
        assertTrue(refused, "work_log accepted an update");
    }

    @Test
    void theDateIsWithinTheLastWeekAndNotInTheFuture() {
        Tokens.Principal author = residentCadre();
        assertInvalid(write(author, log(DemoData.VILLAGE, today().plusDays(1), "明天的日志")), "date");
        assertInvalid(write(author, log(DemoData.VILLAGE, today().minusDays(8), "八天前")), "date");
        written(author, log(DemoData.VILLAGE, today().minusDays(7), "七天前"));
        written(author, log(DemoData.VILLAGE, today(), "今天"));
    }

    @Test
    void aLogIsWrittenForTheOwnVillageOrByTheTownshipForItsVillages() {
        Tokens.Principal author = residentCadre();
        assertProblem(write(author, log(SAME_TOWNSHIP_VILLAGE, today(), "别的村")), 403);
        assertProblem(write(Tokens.villageCadre(), log(SAME_TOWNSHIP_VILLAGE, today(), "别的村")), 403);
        assertProblem(write(Tokens.townshipCadre(), log(OTHER_TOWNSHIP_VILLAGE, today(), "别的乡镇")), 403);
        assertProblem(write(Tokens.countyCadre(), log(DemoData.VILLAGE, today(), "县级")), 403);
        assertProblem(write(Tokens.demoFarmer(), log(DemoData.VILLAGE, today(), "农户")), 403);
        assertInvalid(write(Tokens.townshipCadre(), log(DemoData.TOWNSHIP, today(), "写给乡镇")), "villageCode");
        JsonPath t = written(Tokens.townshipCadre(), log(SAME_TOWNSHIP_VILLAGE, today(), "乡镇干部到曹寨村督导"));
        assertEquals("TOWNSHIP_CADRE", t.getString("role"));
        assertEquals("曹寨村", t.getString("villageName"));
        written(Tokens.cadre(Role.INFO_OFFICER, SAME_TOWNSHIP_VILLAGE), log(SAME_TOWNSHIP_VILLAGE, today(), "信息员日志"));
    }

    @Test
    void linkedHouseholdsMustBeOfTheVillage() {
        Tokens.Principal author = residentCadre();
        long elsewhere = Fixtures.aHousehold().inRegion(SAME_TOWNSHIP_VILLAGE)
                .by(Tokens.cadre(Role.VILLAGE_CADRE, SAME_TOWNSHIP_VILLAGE)).create().id();
        String content = "关联外村农户" + Fixtures.marker();
        Map<String, Object> body = log(DemoData.VILLAGE, today(), content);
        body.put("householdIds", List.of(elsewhere));
        assertInvalid(write(author, body), "householdIds");
        body.put("householdIds", List.of(999_999_999L));
        assertInvalid(write(author, body), "householdIds");
        assertEquals(0L, count("select count(*) from work_log where content = $1", content));
    }

    @Test
    void aRetriedWriteWithTheSameKeyIsOneLog() {
        Tokens.Principal author = residentCadre();
        String key = "log-" + Fixtures.marker();
        String content = "重试日志" + Fixtures.marker();
        Response first = Api.as(author).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(log(DemoData.VILLAGE, today(), content)).post("/api/logs");
        Response again = Api.as(author).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(log(DemoData.VILLAGE, today(), content)).post("/api/logs");
        assertEquals(201, first.statusCode(), first::asString);
        assertEquals(201, again.statusCode(), again::asString);
        assertEquals(first.jsonPath().getLong("id"), again.jsonPath().getLong("id"));
        assertEquals(1L, count("select count(*) from work_log where content = $1", content));
    }

    @Test
    void logsAreSeenByTheVillageAndTheRegionsAboveItOnly() {
        Tokens.Principal author = residentCadre();
        long id = written(author, log(DemoData.VILLAGE, today(), "可见性" + Fixtures.marker())).getLong("id");
        long other = written(Tokens.cadre(Role.RESIDENT_CADRE, SAME_TOWNSHIP_VILLAGE),
                log(SAME_TOWNSHIP_VILLAGE, today(), "曹寨村日志")).getLong("id");

        assertTrue(listed(Tokens.villageCadre(), null).contains(id));
        assertFalse(listed(Tokens.villageCadre(), null).contains(other));
        assertTrue(listed(Tokens.townshipCadre(), null).containsAll(List.of(id, other)));
        assertTrue(listed(Tokens.countyCadre(), DemoData.VILLAGE).contains(id));
        assertFalse(listed(Tokens.countyCadre(), DemoData.VILLAGE).contains(other));
        assertFalse(listed(Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP), null).contains(id));

        assertEquals(200, Api.as(Tokens.provinceCadre()).get("/api/logs/{id}", id).statusCode());
        assertProblem(Api.as(Tokens.cadre(Role.RESIDENT_CADRE, SAME_TOWNSHIP_VILLAGE)).get("/api/logs/{id}", id), 404);
        assertProblem(Api.as(Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP)).get("/api/logs/{id}", id), 404);
        assertProblem(Api.as(Tokens.countyManager()).get("/api/logs/{id}", id), 403);
        assertProblem(Api.as(Tokens.demoFarmer()).get("/api/logs/{id}", id), 403);
        assertProblem(Api.as(Tokens.demoClient("households:read")).get("/api/logs"), 403);
        assertInvalid(Api.as(Tokens.villageCadre()).queryParam("region", DemoData.TOWNSHIP).get("/api/logs"), "region");
        assertProblem(Api.as(Tokens.villageCadre()).get("/api/logs/{id}", 999_999_999L), 404);
    }

    @Test
    void pagesGoByIdNewestFirstAndFilterByDate() {
        Tokens.Principal author = Fixtures.anAccount().role(Role.RESIDENT_CADRE).inRegion(OTHER_TOWNSHIP_VILLAGE)
                .by(Tokens.countyManager()).create().principal();
        long a = written(author, log(OTHER_TOWNSHIP_VILLAGE, today().minusDays(3), "第一篇")).getLong("id");
        long b = written(author, log(OTHER_TOWNSHIP_VILLAGE, today().minusDays(2), "第二篇")).getLong("id");
        long c = written(author, log(OTHER_TOWNSHIP_VILLAGE, today(), "第三篇")).getLong("id");

        JsonPath first = Api.as(author).queryParam("limit", 2).get("/api/logs").then().statusCode(200).extract().jsonPath();
        List<Long> ids = first.getList("items.id", Long.class);
        assertEquals(2, ids.size());
        assertEquals(c, ids.get(0));
        assertEquals(b, ids.get(1));
        long next = first.getLong("nextAfter");
        JsonPath second = Api.as(author).queryParam("limit", 2).queryParam("after", next).get("/api/logs")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(a, second.getList("items.id", Long.class).get(0));

        JsonPath dated = Api.as(author).queryParam("from", today().minusDays(2).toString()).queryParam("to", today().minusDays(1).toString())
                .get("/api/logs").then().statusCode(200).extract().jsonPath();
        List<Long> inPeriod = dated.getList("items.id", Long.class);
        assertTrue(inPeriod.contains(b));
        assertFalse(inPeriod.contains(a));
        assertFalse(inPeriod.contains(c));
        assertNull(dated.get("nextAfter"));
        assertInvalid(Api.as(author).queryParam("from", today().toString()).queryParam("to", today().minusDays(1).toString())
                .get("/api/logs"), "to");
    }

    @Test
    void aTownshipCadreCommentsAndTheAuthorIsTold() {
        Tokens.Principal author = residentCadre();
        long id = written(author, log(DemoData.VILLAGE, today(), "需要批注的日志")).getLong("id");
        Response r = Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON).body(Map.of("content", "请跟进低保申请"))
                .post("/api/logs/{id}/comments", id);
        assertEquals(201, r.statusCode(), r::asString);
        JsonPath w = r.jsonPath();
        assertEquals(1, w.getList("comments").size());
        assertEquals("王秀兰", w.getString("comments[0].name"));
        assertEquals("TOWNSHIP_CADRE", w.getString("comments[0].role"));
        assertEquals(DemoData.TOWNSHIP, w.getString("comments[0].regionCode"));
        assertEquals("请跟进低保申请", w.getString("comments[0].content"));

        List<String> titles = Api.as(author).queryParam("limit", 100).get("/api/me/notifications").jsonPath().getList("items.title");
        assertEquals(List.of("日志有新批注"), titles);
        String link = Api.as(author).get("/api/me/notifications").jsonPath().getString("items[0].link");
        assertEquals("/pages/logs/detail?id=" + id, link);

        assertProblem(Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(Map.of("content", "村干部批注"))
                .post("/api/logs/{id}/comments", id), 403);
        assertProblem(Api.as(author).contentType(ContentType.JSON).body(Map.of("content", "自己批注"))
                .post("/api/logs/{id}/comments", id), 403);
        assertProblem(Api.as(Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP)).contentType(ContentType.JSON)
                .body(Map.of("content", "外乡镇")).post("/api/logs/{id}/comments", id), 404);
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.townshipCadre().token())
                .contentType(ContentType.JSON).body(Map.of("content", " ")).post("/api/logs/{id}/comments", id), "content");

        Response second = Api.as(Tokens.countyCadre()).contentType(ContentType.JSON).body(Map.of("content", "县里已知悉"))
                .post("/api/logs/{id}/comments", id);
        assertEquals(201, second.statusCode(), second::asString);
        assertEquals(List.of("请跟进低保申请", "县里已知悉"), second.jsonPath().getList("comments.content"));
        assertEquals(2L, count("select count(*) from work_log_comment where log_id = $1", id));
    }

    @Test
    void theExportHasTheLogsOfTheRegionAndPeriod() throws Exception {
        Tokens.Principal author = residentCadre();
        long photo = photo(author);
        long household = Fixtures.aHousehold().create().id();
        String content = "导出日志" + Fixtures.marker();
        Map<String, Object> body = log(DemoData.VILLAGE, today().minusDays(2), content);
        body.put("photoIds", List.of(photo));
        body.put("householdIds", List.of(household));
        long id = written(author, body).getLong("id");
        Api.as(Tokens.townshipCadre()).contentType(ContentType.JSON).body(Map.of("content", "导出批注"))
                .post("/api/logs/{id}/comments", id).then().statusCode(201);

        Response r = Api.as(Tokens.countyCadre()).queryParam("region", DemoData.TOWNSHIP)
                .queryParam("from", today().minusDays(7).toString()).queryParam("to", today().toString()).get("/api/logs/export");
        assertEquals(200, r.statusCode(), r::asString);
        assertTrue(r.contentType().startsWith(WorkLogExport.XLSX));
        List<List<String>> rows;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
            rows = wb.getFirstSheet().read().stream().map(row -> row.stream()
                    .map(c -> c == null || c.getRawValue() == null ? "" : c.getRawValue()).collect(Collectors.toList())).toList();
        }
        assertEquals(WorkLogExport.COLUMNS, rows.get(0));
        List<String> ours = rows.stream().filter(row -> row.size() > 5 && row.get(5).equals(content)).findFirst().orElseThrow();
        assertEquals(today().minusDays(2).toString(), ours.get(0));
        assertEquals(DemoData.VILLAGE, ours.get(1));
        assertEquals("任庄村", ours.get(2));
        assertEquals("驻村干部", ours.get(4));
        assertEquals("1", ours.get(6).replace(".0", ""));
        assertEquals("1", ours.get(7).replace(".0", ""));
        assertTrue(ours.get(8).contains("王秀兰（乡镇干部）") && ours.get(8).endsWith("：导出批注"), ours.get(8));

        // Outside the period or the region: not exported.
        Response earlier = Api.as(Tokens.countyCadre()).queryParam("from", today().minusDays(30).toString())
                .queryParam("to", today().minusDays(3).toString()).get("/api/logs/export");
        assertEquals(200, earlier.statusCode());
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(earlier.asByteArray()))) {
            assertTrue(wb.getFirstSheet().read().stream().noneMatch(row -> content.equals(row.getCellText(5))));
        }
        Response elsewhere = Api.as(Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP)).queryParam("from", today().minusDays(7).toString())
                .queryParam("to", today().toString()).get("/api/logs/export");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(elsewhere.asByteArray()))) {
            assertTrue(wb.getFirstSheet().read().stream().noneMatch(row -> content.equals(row.getCellText(5))));
        }
    }

    @Test
    void theExportNeedsBothDatesAndAtMostAYear() {
        Tokens.Principal county = Tokens.countyCadre();
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + county.token())
                .queryParam("to", today().toString()).get("/api/logs/export"), "from");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + county.token())
                .queryParam("from", today().toString()).get("/api/logs/export"), "to");
        assertInvalid(Api.as(county).queryParam("from", today().minusDays(366).toString()).queryParam("to", today().toString())
                .get("/api/logs/export"), "to");
        assertEquals(200, Api.as(county).queryParam("from", today().minusDays(365).toString()).queryParam("to", today().toString())
                .get("/api/logs/export").statusCode());
        assertInvalid(Api.as(county).queryParam("from", today().toString()).queryParam("to", today().minusDays(1).toString())
                .get("/api/logs/export"), "to");
        assertInvalid(Api.as(county).queryParam("region", "410102000000").queryParam("from", today().toString())
                .queryParam("to", today().toString()).get("/api/logs/export"), "region");
        assertProblem(Api.as(Tokens.demoFarmer()).queryParam("from", today().toString()).queryParam("to", today().toString())
                .get("/api/logs/export"), 403);
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal author = residentCadre();
        long id = written(author, log(DemoData.VILLAGE, today(), "矩阵日志")).getLong("id");
        String period = "from=" + today() + "&to=" + today();
        Tokens.Principal otherTownship = Tokens.cadre(Role.TOWNSHIP_CADRE, OTHER_TOWNSHIP);
        Tokens.Principal otherVillage = Tokens.cadre(Role.RESIDENT_CADRE, SAME_TOWNSHIP_VILLAGE);
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/logs?region=" + DemoData.TOWNSHIP)
                        .accepts(Tokens.townshipCadre(), 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.countyManager(), 403)
                        .wrongRole(Tokens.demoClient("households:read"), 403)
                        .otherRegion(otherTownship, 400)
                        .parentRegion(Tokens.villageCadre(), 400),
                SecurityMatrix.post("/api/logs", log(DemoData.VILLAGE, today().minusDays(8), "矩阵"))
                        .accepts(author, 400)
                        .wrongRole(Tokens.countyCadre(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(otherVillage, 403)
                        .refuses("other township", otherTownship, 403),
                SecurityMatrix.get("/api/logs/export?region=" + DemoData.TOWNSHIP + "&" + period)
                        .accepts(Tokens.townshipCadre(), 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.demoClient("households:read"), 403)
                        .otherRegion(otherTownship, 400)
                        .parentRegion(Tokens.villageCadre(), 400),
                SecurityMatrix.get("/api/logs/" + id)
                        .accepts(Tokens.villageCadre(), 200)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .wrongRole(Tokens.countyManager(), 403)
                        .otherRegion(otherVillage, 404)
                        .refuses("other township", otherTownship, 404),
                SecurityMatrix.post("/api/logs/" + id + "/comments", Map.of("content", "矩阵批注"))
                        .accepts(Tokens.townshipCadre(), 201)
                        .wrongRole(Tokens.villageCadre(), 403)
                        .wrongRole(author, 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(otherTownship, 404));
    }
}
