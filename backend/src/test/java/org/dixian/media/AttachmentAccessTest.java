package org.dixian.media;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Attachments of policies and notices are read by whoever reads the publication (AttachmentOwner), beyond the
 * uploader and the cadres of the publishing region and above; a draft's or a withdrawn publication's go back to them.
 */
@QuarkusTest
class AttachmentAccessTest {
    private static final String OTHER_VILLAGE = "410221001001"; // 杞县, another county of 开封市

    @Inject
    Pool pool;

    private static long upload(Tokens.Principal p, String name, byte[] bytes, String type) {
        Response r = MediaApiTest.upload(p, name, bytes, type);
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath().getLong("id");
    }

    /** A farmer bound to a new household of the village (policies read the village from the registry). */
    private static Tokens.Principal farmerIn(String village) {
        Fixtures.CreatedHousehold h = Fixtures.aHousehold().inRegion(village)
                .by(Tokens.cadre(Role.VILLAGE_CADRE, village)).create();
        return Tokens.farmer(870_000 + h.id(), village, h.id());
    }

    private static Map<String, Object> policy(List<Long> attachments) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("title", "医疗救助实施办法" + Fixtures.marker());
        b.put("issuer", "兰考县医疗保障局");
        b.put("regionCode", DemoData.COUNTY);
        b.put("category", "HEALTH");
        b.put("effectiveFrom", LocalDate.now().minusDays(1).toString());
        b.put("summary", "看病自付部分可以再报销一部分。");
        b.put("body", "<p>全文见附件。</p>");
        b.put("attachmentIds", attachments);
        return b;
    }

    private static JsonPath post(Tokens.Principal p, String path, Object body) {
        Response r = Api.as(p).contentType(ContentType.JSON).body(body).post(path);
        assertEquals(path.endsWith("policies") || path.endsWith("notices") ? 201 : 200, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    private static void readable(Tokens.Principal p, long media, byte[] bytes) {
        Response r = Api.as(p).get("/api/media/{id}", media);
        assertEquals(200, r.statusCode(), () -> p + " " + r.asString());
        assertArrayEquals(bytes, r.asByteArray());
        assertEquals(200, Api.as(p).get("/api/media/{id}/info", media).statusCode(), p::toString);
    }

    private static void hidden(Tokens.Principal p, long media) {
        assertProblem(Api.as(p).get("/api/media/{id}", media), 404);
        assertProblem(Api.as(p).get("/api/media/{id}/info", media), 404);
    }

    @Test
    void aCountyPolicysPdfIsReadByTheCountysFarmersOnceItIsPublished() {
        Tokens.Principal county = Tokens.countyCadre();
        byte[] pdf = TestPhotos.pdf();
        long doc = upload(county, "医疗救助实施办法.pdf", pdf, "application/pdf");
        long photo = upload(county, "宣传单.png", TestPhotos.png(), "image/png");
        Tokens.Principal farmer = farmerIn(DemoData.VILLAGE);
        Tokens.Principal otherCountyFarmer = farmerIn(OTHER_VILLAGE);
        Tokens.Principal township = Tokens.townshipCadre();

        JsonPath draft = post(county, "/api/policies", policy(List.of(doc, photo)));
        long id = draft.getLong("id");
        // A draft: the publisher's region and above only.
        readable(county, doc, pdf);
        readable(Tokens.provinceCadre(), doc, pdf);
        hidden(farmer, doc);
        hidden(township, doc);

        JsonPath published = post(county, "/api/policies/" + id + "/publish", Map.of("version", draft.getInt("version")));
        readable(farmer, doc, pdf);
        readable(farmer, photo, TestPhotos.png());
        readable(township, doc, pdf);
        readable(Tokens.villageCadre(), doc, pdf);
        hidden(otherCountyFarmer, doc);
        hidden(Tokens.cadre(Role.VILLAGE_CADRE, OTHER_VILLAGE), doc);
        hidden(Tokens.farmer(1, DemoData.VILLAGE, null), doc); // not bound to a household
        hidden(Tokens.countyManager(), doc);
        hidden(Tokens.demoClient("households:read"), doc);

        // Taken off the policy: no longer read through it.
        Map<String, Object> update = policy(List.of(doc));
        update.remove("regionCode");
        update.put("version", published.getInt("version"));
        update.put("reason", "宣传单另发");
        JsonPath edited = post(county, "/api/policies/" + id + "/update", update);
        hidden(farmer, photo);
        readable(farmer, doc, pdf);

        // Withdrawn: back to the publisher's region and above.
        post(county, "/api/policies/" + id + "/withdraw", Map.of("version", edited.getInt("version"), "reason", "已被新办法取代"));
        hidden(farmer, doc);
        hidden(township, doc);
        readable(county, doc, pdf);
    }

    @Test
    void anAnnouncementsAttachmentsReachFarmersButANoticesOnlyCadres() {
        String county = "45" + (10 + ThreadLocalRandom.current().nextInt(90)) + (10 + ThreadLocalRandom.current().nextInt(90));
        String countyCode = county + "000000";
        String village = county + "101201";
        long publisherId = pool.preparedQuery("insert into account (name, role, region_code) values ($1, 'COUNTY_CADRE', $2) returning id")
                .execute(Tuple.of("县级干部" + Fixtures.marker(), countyCode)).await().indefinitely().iterator().next().getLong(0);
        Tokens.Principal publisher = Tokens.account(publisherId, Role.COUNTY_CADRE, countyCode);
        Tokens.Principal farmer = Tokens.farmer(880_001, village, 1L);
        Tokens.Principal villageCadre = Tokens.cadre(Role.VILLAGE_CADRE, village);
        Tokens.Principal elsewhere = Tokens.farmer(880_002, "441234101201", 1L);
        byte[] pdf = TestPhotos.pdf();

        long announcementDoc = upload(publisher, "公示名单.pdf", pdf, "application/pdf");
        long noticeDoc = upload(publisher, "排查表.pdf", pdf, "application/pdf");
        long announcement = publishedNotice(publisher, "ANNOUNCEMENT", countyCode, announcementDoc);
        long notice = publishedNotice(publisher, "NOTICE", countyCode, noticeDoc);

        readable(farmer, announcementDoc, pdf);
        readable(villageCadre, announcementDoc, pdf);
        hidden(elsewhere, announcementDoc);
        hidden(Tokens.farmer(880_003, village, null), announcementDoc);
        // A notice (not an announcement) is for cadres.
        hidden(farmer, noticeDoc);
        readable(villageCadre, noticeDoc, pdf);

        JsonPath current = Api.as(publisher).get("/api/notices/{id}", announcement).jsonPath();
        post(publisher, "/api/notices/" + announcement + "/withdraw", Map.of("version", current.getInt("version"), "reason", "名单有误"));
        hidden(farmer, announcementDoc);
        hidden(villageCadre, announcementDoc);
        readable(publisher, announcementDoc, pdf);
        assertEquals(notice, Api.as(villageCadre).get("/api/notices/{id}", notice).jsonPath().getLong("id"));
    }

    private static long publishedNotice(Tokens.Principal publisher, String kind, String region, long attachment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("title", "公示" + Fixtures.marker());
        body.put("body", "<p>详见附件。</p>");
        body.put("regionCode", region);
        body.put("requireConfirm", false);
        body.put("attachmentIds", List.of(attachment));
        JsonPath draft = post(publisher, "/api/notices", body);
        return post(publisher, "/api/notices/" + draft.getLong("id") + "/publish", Map.of("version", draft.getInt("version"))).getLong("id");
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal county = Tokens.countyCadre();
        long doc = upload(county, "办法.pdf", TestPhotos.pdf(), "application/pdf");
        JsonPath draft = post(county, "/api/policies", policy(List.of(doc)));
        post(county, "/api/policies/" + draft.getLong("id") + "/publish", Map.of("version", draft.getInt("version")));
        Tokens.Principal farmer = farmerIn(DemoData.VILLAGE);
        Tokens.Principal otherCountyFarmer = farmerIn(OTHER_VILLAGE);
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/media/" + doc)
                        .accepts(farmer, 200)
                        .otherHousehold(otherCountyFarmer, 404)
                        .otherRegion(Tokens.cadre(Role.COUNTY_CADRE, "410221000000"), 404)
                        .wrongRole(Tokens.countyManager(), 404)
                        .refuses("client", Tokens.demoClient("households:read"), 404),
                SecurityMatrix.get("/api/media/" + doc + "/info")
                        .accepts(farmer, 200)
                        .otherHousehold(otherCountyFarmer, 404)
                        .otherRegion(Tokens.cadre(Role.COUNTY_CADRE, "410221000000"), 404)
                        .wrongRole(Tokens.countyManager(), 404)
                        .refuses("client", Tokens.demoClient("households:read"), 404));
    }
}
