package org.dixian.notice;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notices: the lifecycle, who may publish where, who reads what, unread counts, confirmation, who has read. */
@QuarkusTest
class NoticeApiTest {
    @Inject
    Pool pool;

    /**
     * A made-up county of its own (province 45) for each test, so that counts never include notices another test or
     * an earlier run published: its code, a township and a village in it, and a second township beside it.
     */
    record Place(String county, String township, String village, String otherTownship, String otherVillage) {
        static Place fresh() {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String county = "45" + (10 + r.nextInt(90)) + (10 + r.nextInt(90));
            return new Place(county + "000000", county + "101000", county + "101201", county + "102000", county + "102201");
        }

        String city() {
            return county.substring(0, 4) + "00000000";
        }
    }

    static Map<String, Object> notice(String kind, String region, boolean requireConfirm) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("title", "关于开展防返贫集中排查的通知" + Fixtures.marker());
        m.put("body", "<p>请各村于本周内完成排查。</p>");
        m.put("regionCode", region);
        m.put("requireConfirm", requireConfirm);
        return m;
    }

    static Response create(Tokens.Principal p, Map<String, Object> body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post("/api/notices");
    }

    static JsonPath draft(Tokens.Principal p, Map<String, Object> body) {
        Response r = create(p, body);
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    static Response publish(Tokens.Principal p, long id, int version) {
        return Api.as(p).contentType(ContentType.JSON).body(Map.of("version", version)).post("/api/notices/{id}/publish", id);
    }

    /** A published notice of the publisher's region; returns its id. */
    static long published(Tokens.Principal publisher, String kind, boolean requireConfirm) {
        JsonPath d = draft(publisher, notice(kind, publisher.region(), requireConfirm));
        Response r = publish(publisher, d.getLong("id"), d.getInt("version"));
        assertEquals(200, r.statusCode(), r::asString);
        return d.getLong("id");
    }

    static Response get(Tokens.Principal p, long id) {
        return Api.as(p).get("/api/notices/{id}", id);
    }

    static JsonPath counts(Tokens.Principal p) {
        Response r = Api.as(p).get("/api/notices/unread-count");
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    static List<Long> listed(Tokens.Principal p, String query) {
        Response r = Api.as(p).get("/api/notices" + query);
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath().getList("items.id", Long.class);
    }

    long account(Role role, String region, String name) {
        return pool.preparedQuery("insert into account (name, role, region_code) values ($1, $2, $3) returning id")
                .execute(Tuple.of(name, role.name(), region)).await().indefinitely().iterator().next().getLong(0);
    }

    List<Row> events(long id) {
        List<Row> out = new ArrayList<>();
        pool.preparedQuery("select * from notice_event where notice_id = $1 order by id").execute(Tuple.of(id))
                .await().indefinitely().forEach(out::add);
        return out;
    }

    @Test
    void draftPublishReadWithdraw() {
        Place place = Place.fresh();
        Tokens.Principal township = Tokens.cadre(Role.TOWNSHIP_CADRE, place.township());
        Tokens.Principal village = Tokens.cadre(Role.VILLAGE_CADRE, place.village());
        Map<String, Object> body = notice("NOTICE", place.township(), false);
        body.put("body", "<p onclick=\"steal()\">请各村<b>本周内</b>完成排查。</p><script>alert(1)</script><img src=x onerror=alert(1)>");
        JsonPath d = draft(township, body);
        long id = d.getLong("id");
        assertEquals("DRAFT", d.getString("status"));
        assertEquals(0, d.getInt("version"));
        assertEquals("<p>请各村<b>本周内</b>完成排查。</p>", d.getString("body"), "sanitised to the allow-list");
        assertNull(d.get("publishedAt"));
        assertEquals(0L, d.getLong("readCount"), "the publishing region sees the counts");

        assertProblem(get(village, id), 404);
        assertFalse(listed(village, "").contains(id), "a draft is not sent to anyone");
        assertTrue(listed(township, "").contains(id), "the publishing region sees its drafts");
        assertTrue(listed(Tokens.cadre(Role.COUNTY_CADRE, place.county()), "").contains(id), "and so does the county above");

        assertProblem(publish(township, id, 7), 409);
        Response p = publish(township, id, 0);
        assertEquals(200, p.statusCode(), p::asString);
        assertEquals("PUBLISHED", p.jsonPath().getString("status"));
        assertNotNull(p.jsonPath().getString("publishedAt"));
        int version = p.jsonPath().getInt("version");
        assertProblem(publish(township, id, version), 409);

        JsonPath read = get(village, id).jsonPath();
        assertTrue(read.getBoolean("read"));
        assertNull(read.get("readCount"), "counts only for the publishing region");
        assertEquals(2L, get(township, id).jsonPath().getLong("readCount"), "the village cadre, and the township's own cadre reading it now");

        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + township.token()).contentType(ContentType.JSON)
                .body(Map.of("version", version)).post("/api/notices/{id}/withdraw", id), "reason");
        Response w = Api.as(township).contentType(ContentType.JSON).body(Map.of("version", version, "reason", "内容有误，重新发布"))
                .post("/api/notices/{id}/withdraw", id);
        assertEquals(200, w.statusCode(), w::asString);
        assertEquals("WITHDRAWN", w.jsonPath().getString("status"));
        assertNotNull(w.jsonPath().getString("withdrawnAt"));
        assertProblem(get(village, id), 404);
        assertProblem(Api.as(township).contentType(ContentType.JSON).body(Map.of("version", w.jsonPath().getInt("version"),
                "reason", "再撤一次")).post("/api/notices/{id}/withdraw", id), 409);

        List<Row> steps = events(id);
        assertEquals(List.of("CREATED", "PUBLISHED", "WITHDRAWN"), steps.stream().map(r -> r.getString("type")).toList());
        assertEquals("内容有误，重新发布", steps.get(2).getString("reason"));
        assertEquals("TOWNSHIP_CADRE", steps.get(1).getString("actor_role"));
        assertEquals(place.township(), steps.get(1).getString("actor_region"));
        assertAppendOnly(id);
    }

    @Test
    void createIsIdempotentWithAKey() {
        Place place = Place.fresh();
        Tokens.Principal county = Tokens.cadre(Role.COUNTY_CADRE, place.county());
        Map<String, Object> body = notice("ANNOUNCEMENT", place.county(), false);
        String key = "notice-" + UUID.randomUUID();
        Response first = Api.as(county).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/notices");
        Response again = Api.as(county).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/api/notices");
        assertEquals(201, first.statusCode(), first::asString);
        assertEquals(201, again.statusCode(), again::asString);
        assertEquals(first.jsonPath().getLong("id"), again.jsonPath().getLong("id"));
        long drafts = pool.preparedQuery("select count(*) from notice where region_code = $1").execute(Tuple.of(place.county()))
                .await().indefinitely().iterator().next().getLong(0);
        assertEquals(1L, drafts);
    }

    @Test
    void publishingOnlyForTheOwnRegionNeverSidewaysOrUp() {
        Place place = Place.fresh();
        Tokens.Principal township = Tokens.cadre(Role.TOWNSHIP_CADRE, place.township());
        assertInvalid(create(township, notice("NOTICE", place.otherTownship(), false)), "regionCode");
        assertInvalid(create(township, notice("NOTICE", place.county(), false)), "regionCode");
        assertInvalid(create(township, notice("NOTICE", place.village(), false)), "regionCode");
        assertProblem(create(Tokens.cadre(Role.VILLAGE_CADRE, place.village()), notice("NOTICE", place.village(), false)), 403);
        assertProblem(create(Tokens.cadre(Role.INFO_OFFICER, place.village()), notice("NOTICE", place.village(), false)), 403);
        assertProblem(create(Tokens.account(8, Role.ACCOUNT_MANAGER, place.county()), notice("NOTICE", place.county(), false)), 403);

        JsonPath d = draft(township, notice("NOTICE", place.township(), false));
        long id = d.getLong("id");
        assertProblem(publish(Tokens.cadre(Role.COUNTY_CADRE, place.county()), id, 0), 403);
        assertProblem(publish(Tokens.cadre(Role.TOWNSHIP_CADRE, place.otherTownship()), id, 0), 404);
        assertProblem(publish(Tokens.cadre(Role.VILLAGE_CADRE, place.village()), id, 0), 403);
        assertEquals(200, publish(township, id, 0).statusCode());
    }

    @Test
    void badBodiesAnswerWithTheFieldAtFault() {
        Place place = Place.fresh();
        Tokens.Principal township = Tokens.cadre(Role.TOWNSHIP_CADRE, place.township());
        Map<String, Object> onlyScript = notice("NOTICE", place.township(), false);
        onlyScript.put("body", "<script>alert(1)</script>");
        assertInvalid(create(township, onlyScript), "body");
        Map<String, Object> noTitle = notice("NOTICE", place.township(), false);
        noTitle.put("title", "   ");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + township.token()).contentType(ContentType.JSON)
                .body(noTitle).post("/api/notices"), "title");
        Map<String, Object> noKind = notice("NOTICE", place.township(), false);
        noKind.remove("kind");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + township.token()).contentType(ContentType.JSON)
                .body(noKind).post("/api/notices"), "kind");
        Map<String, Object> foreignPhoto = notice("NOTICE", place.township(), false);
        foreignPhoto.put("attachmentIds", List.of(Long.MAX_VALUE));
        assertInvalid(create(township, foreignPhoto), "attachmentIds");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + township.token()).get("/api/notices?limit=0"), "limit");
    }

    @Test
    void farmersSeeAnnouncementsOfTheirAncestorsNotNoticesAndOtherCountiesSeeNothing() {
        Place place = Place.fresh();
        Tokens.Principal county = Tokens.cadre(Role.COUNTY_CADRE, place.county());
        long notice = published(county, "NOTICE", false);
        long announcement = published(county, "ANNOUNCEMENT", false);
        long townshipAnnouncement = published(Tokens.cadre(Role.TOWNSHIP_CADRE, place.township()), "ANNOUNCEMENT", false);

        Tokens.Principal farmer = Tokens.farmer(account(Role.FARMER, place.village(), "农户" + Fixtures.marker()), place.village(), 1L);
        assertEquals(List.of(townshipAnnouncement, announcement), listed(farmer, ""));
        assertEquals(200, get(farmer, announcement).statusCode());
        assertProblem(get(farmer, notice), 404);
        assertEquals(List.of(), listed(farmer, "?kind=NOTICE"));

        Tokens.Principal neighbourFarmer = Tokens.farmer(99, place.otherVillage(), 2L);
        assertEquals(List.of(announcement), listed(neighbourFarmer, ""), "the other township's announcement is not sent there");
        assertProblem(get(neighbourFarmer, townshipAnnouncement), 404);
        assertEquals(List.of(), listed(Tokens.farmer(98, place.village(), null), ""), "an unbound farmer has no village yet");

        Tokens.Principal resident = Tokens.cadre(Role.RESIDENT_CADRE, place.village());
        assertEquals(List.of(townshipAnnouncement, announcement, notice), listed(resident, ""));
        assertEquals(List.of(notice), listed(resident, "?kind=NOTICE"));

        String otherCounty = place.county().substring(0, 4) + (place.county().charAt(4) == '9' ? "1" : "9") + place.county().charAt(5) + "000000";
        Tokens.Principal stranger = Tokens.cadre(Role.COUNTY_CADRE, otherCounty);
        assertEquals(List.of(), listed(stranger, ""));
        assertProblem(get(stranger, notice), 404);
        assertProblem(get(stranger, announcement), 404);
        assertEquals(0L, counts(stranger).getLong("unread"));

        Tokens.Principal city = Tokens.cadre(Role.CITY_CADRE, place.city());
        assertTrue(listed(city, "").containsAll(List.of(notice, announcement, townshipAnnouncement)), "the city oversees below");
        assertFalse(get(city, notice).jsonPath().getBoolean("read"), "overseeing is not reading");
        assertEquals(1L, get(county, notice).jsonPath().getLong("readCount"), "the county's own reading; the city's look did not count");
    }

    @Test
    void unreadCountsDropAfterReadingAndConfirming() {
        Place place = Place.fresh();
        Tokens.Principal county = Tokens.cadre(Role.COUNTY_CADRE, place.county());
        Tokens.Principal township = Tokens.cadre(Role.TOWNSHIP_CADRE, place.township());
        Tokens.Principal village = Tokens.cadre(Role.VILLAGE_CADRE, place.village());
        long plain = published(county, "NOTICE", false);
        long confirm = published(township, "NOTICE", true);
        long announcement = published(county, "ANNOUNCEMENT", true);
        draft(township, notice("NOTICE", place.township(), true));

        JsonPath before = counts(village);
        assertEquals(3L, before.getLong("unread"));
        assertEquals(2L, before.getLong("unconfirmed"));
        assertEquals(List.of(announcement, confirm, plain), listed(village, "?unread=true"));

        assertTrue(get(village, plain).jsonPath().getBoolean("read"));
        assertEquals(2L, counts(village).getLong("unread"));
        assertEquals(List.of(announcement, confirm), listed(village, "?unread=true"));
        assertProblem(Api.as(village).post("/api/notices/{id}/confirm", plain), 409);

        Response c = Api.as(village).post("/api/notices/{id}/confirm", confirm);
        assertEquals(200, c.statusCode(), c::asString);
        assertTrue(c.jsonPath().getBoolean("read"), "confirming reads too");
        assertTrue(c.jsonPath().getBoolean("confirmed"));
        String confirmedAt = pool.preparedQuery("select confirmed_at::text from notice_read where notice_id = $1")
                .execute(Tuple.of(confirm)).await().indefinitely().iterator().next().getString(0);
        assertEquals(200, Api.as(village).post("/api/notices/{id}/confirm", confirm).statusCode(), "a second confirmation is harmless");
        assertEquals(confirmedAt, pool.preparedQuery("select confirmed_at::text from notice_read where notice_id = $1")
                .execute(Tuple.of(confirm)).await().indefinitely().iterator().next().getString(0), "and keeps the first time");

        JsonPath after = counts(village);
        assertEquals(1L, after.getLong("unread"));
        assertEquals(1L, after.getLong("unconfirmed"));
        assertEquals(1L, get(township, confirm).jsonPath().getLong("confirmedCount"));

        Tokens.Principal farmer = Tokens.farmer(97, place.village(), 3L);
        JsonPath farmerCounts = counts(farmer);
        assertEquals(1L, farmerCounts.getLong("unread"), "the announcement only");
        assertEquals(0L, farmerCounts.getLong("unconfirmed"), "farmers are not asked to confirm");
        get(farmer, announcement);
        assertEquals(0L, counts(farmer).getLong("unread"));
        assertProblem(Api.as(farmer).post("/api/notices/{id}/confirm", announcement), 403);
    }

    @Test
    void thePublisherSeesWhoHasReadOthersDoNot() {
        String township = DemoData.TOWNSHIP;
        Tokens.Principal publisher = Tokens.account(account(Role.TOWNSHIP_CADRE, township, "发布人" + Fixtures.marker()),
                Role.TOWNSHIP_CADRE, township);
        String readerName = "读者" + Fixtures.marker();
        Tokens.Principal reader = Tokens.account(account(Role.VILLAGE_CADRE, DemoData.VILLAGE, readerName), Role.VILLAGE_CADRE, DemoData.VILLAGE);
        Tokens.Principal second = Tokens.account(account(Role.INFO_OFFICER, DemoData.VILLAGE, "读者" + Fixtures.marker()),
                Role.INFO_OFFICER, DemoData.VILLAGE);
        long id = published(publisher, "NOTICE", true);
        get(reader, id);
        Api.as(reader).post("/api/notices/{id}/confirm", id);
        get(second, id);

        Response r = Api.as(publisher).get("/api/notices/{id}/readers?limit=1", id);
        assertEquals(200, r.statusCode(), r::asString);
        JsonPath page = r.jsonPath();
        assertEquals(2L, page.getLong("readCount"));
        assertEquals(1L, page.getLong("confirmedCount"));
        assertEquals(1, page.getList("items").size());
        assertEquals(Long.parseLong(reader.subject()), page.getLong("items[0].accountId"));
        assertEquals(readerName, page.getString("items[0].name"));
        assertEquals("VILLAGE_CADRE", page.getString("items[0].role"));
        assertEquals(DemoData.VILLAGE, page.getString("items[0].regionCode"));
        assertEquals("任庄村", page.getString("items[0].regionName"));
        assertNotNull(page.getString("items[0].confirmedAt"));
        assertFalse(r.asString().contains("phone"), "no phone numbers");
        Response rest = Api.as(publisher).get("/api/notices/{id}/readers?limit=1&after=" + page.getLong("nextAfter"), id);
        assertEquals(Long.parseLong(second.subject()), rest.jsonPath().getLong("items[0].accountId"));
        assertNull(rest.jsonPath().get("items[0].confirmedAt"));
        assertNull(rest.jsonPath().get("nextAfter"));

        assertProblem(Api.as(reader).get("/api/notices/{id}/readers", id), 403);
        assertProblem(Api.as(Tokens.countyCadre()).get("/api/notices/{id}/readers", id), 403);
        assertProblem(Api.as(Tokens.cadre(Role.TOWNSHIP_CADRE, "410225102000")).get("/api/notices/{id}/readers", id), 404);
    }

    @Test
    void photosAreAttachedOnceToTheNotice() {
        Tokens.Principal publisher = Tokens.account(account(Role.TOWNSHIP_CADRE, DemoData.TOWNSHIP, "发布人" + Fixtures.marker()),
                Role.TOWNSHIP_CADRE, DemoData.TOWNSHIP);
        Response up = Api.as(publisher).multiPart("file", "photo.jpg", org.dixian.media.TestPhotos.jpeg(), "image/jpeg").post("/api/media");
        assertEquals(201, up.statusCode(), up::asString);
        long photo = up.jsonPath().getLong("id");
        Map<String, Object> body = notice("ANNOUNCEMENT", DemoData.TOWNSHIP, false);
        body.put("attachmentIds", List.of(photo));
        JsonPath d = draft(publisher, body);
        assertEquals(List.of(photo), d.getList("attachmentIds", Long.class));
        assertEquals("notice:" + d.getLong("id"), pool.preparedQuery("select attached_to from media where id = $1")
                .execute(Tuple.of(photo)).await().indefinitely().iterator().next().getString(0));
        assertInvalid(create(publisher, body), "attachmentIds");
    }

    /** Steps are history: the table refuses to change them. */
    private void assertAppendOnly(long id) {
        try {
            pool.preparedQuery("update notice_event set reason = 'x' where notice_id = $1").execute(Tuple.of(id)).await().indefinitely();
        } catch (RuntimeException e) {
            assertTrue(e.getMessage().contains("append-only"), e::getMessage);
            return;
        }
        throw new AssertionError("notice_event accepted an update");
    }
}
