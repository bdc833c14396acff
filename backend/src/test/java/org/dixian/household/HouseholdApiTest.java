package org.dixian.household;

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
import org.dixian.testing.Fixtures.CreatedHousehold;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.dixian.testing.Fixtures.aHousehold;
import static org.dixian.testing.Fixtures.aMember;
import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class HouseholdApiTest {
    private static final String CHENGNEI = "410225101200"; // 城内村, another village of 堌阳镇
    private static final String ZHONGYUAN = "410102000000"; // 郑州市中原区
    private static final String ZHONGYUAN_VILLAGE = "410102001002";

    @Inject
    Pool pool;

    @Test
    void villageCadreRegistersAHousehold() {
        CreatedHousehold h = aHousehold().create();
        Response r = Api.as(Tokens.villageCadre()).get("/api/households/{id}", h.id());
        assertEquals(200, r.statusCode(), r::asString);
        JsonPath j = r.jsonPath();
        assertTrue(h.householdNo().matches(DemoData.VILLAGE + "[0-9]{6}"), h.householdNo());
        assertEquals(h.householdNo(), j.getString("householdNo"));
        assertEquals(DemoData.VILLAGE, j.getString("regionCode"));
        assertEquals("任庄村", j.getString("regionName"));
        assertEquals("GENERAL", j.getString("category"));
        assertEquals("****" + h.bankAccount().substring(h.bankAccount().length() - 4), j.getString("bankAccount"));
        assertEquals(1, j.getList("members").size());
        assertEquals(h.headName(), j.getString("members[0].name"));
        assertEquals("HEAD", j.getString("members[0].relation"));
        String id = h.headIdNumber();
        assertEquals(id.substring(0, 6) + "********" + id.substring(14), j.getString("members[0].idNumber"));
        assertEquals(h.headPhone().substring(0, 3) + "****" + h.headPhone().substring(7), j.getString("members[0].phone"));
        assertEquals(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14), j.getString("members[0].birthDate"));
        assertEquals(Integer.parseInt(id.substring(16, 17)) % 2 == 1 ? "MALE" : "FEMALE", j.getString("members[0].gender"));
        assertFalse(r.asString().contains(id), "the full ID number never leaves the server");
        assertFalse(r.asString().contains(h.headPhone()), "the full phone never leaves the server");
        assertFalse(r.asString().contains(h.bankAccount()), "the full bank account never leaves the server");

        JsonPath events = timeline(Tokens.villageCadre(), h.id());
        assertEquals(List.of("CREATED"), events.getList("type"));
        assertEquals("VILLAGE_CADRE", events.getString("[0].actorRole"));
        assertEquals(DemoData.VILLAGE, events.getString("[0].actorRegion"));
        assertEquals(h.householdNo(), change(events, 0, "householdNo").get("to"));
        assertEquals(h.headName(), change(events, 0, "head").get("to"));
    }

    @Test
    void householdNumbersAreSequentialPerVillage() {
        CreatedHousehold a = aHousehold().create();
        CreatedHousehold b = aHousehold().create();
        assertEquals(Long.parseLong(a.householdNo()) + 1, Long.parseLong(b.householdNo()));
    }

    @Test
    void retryWithTheSameIdempotencyKeyCreatesOneHousehold() {
        String key = "hh-" + UUID.randomUUID();
        String name = "重试" + Fixtures.marker();
        Fixtures.HouseholdBuilder b = aHousehold().headName(name).idempotencyKey(key);
        Response first = b.post();
        assertEquals(201, first.statusCode(), first::asString);
        Response second = b.post();
        assertEquals(201, second.statusCode(), second::asString);
        assertEquals(first.jsonPath().getLong("id"), second.jsonPath().getLong("id"));
        assertEquals(first.jsonPath().getString("householdNo"), second.jsonPath().getString("householdNo"));
        assertEquals(1, householdsNamed(name));
        assertEquals(1, membersNamed(name));
        assertEquals(1, eventsOfHouseholdsNamed(name));
        assertEquals(1, search(Tokens.villageCadre(), Map.of("name", name)).getList("items").size());
        // The same key from another cadre is another request.
        CreatedHousehold other = aHousehold().idempotencyKey(key).by(Tokens.townshipCadre()).create();
        assertNotEquals(first.jsonPath().getLong("id"), other.id());
    }

    @Test
    void invalidIdNumberIsRejectedByField() {
        String valid = Fixtures.uniqueIdNumber();
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        assertInvalid(aHousehold().headIdNumber(valid.substring(0, 17) + wrong).post(), "head.idNumber");
        assertInvalid(aHousehold().headIdNumber("12345").post(), "head.idNumber");
    }

    @Test
    void householdsLiveInVillagesOnly() {
        assertInvalid(aHousehold().inRegion(DemoData.TOWNSHIP).by(Tokens.townshipCadre()).post(), "regionCode");
        assertInvalid(aHousehold().inRegion("410225101999").by(Tokens.countyCadre()).post(), "regionCode");
        // A village outside the caller's region is refused before anything else is looked up.
        assertProblem(aHousehold().inRegion("410225101999").post(), 403);
    }

    @Test
    void monitoredHouseholdsNeedAMonitoringType() {
        assertInvalid(aHousehold().monitored(null, "ILLNESS").post(), "monitoringType");
        assertInvalid(aHousehold().monitored("MARGINAL").post(), "riskTypes");
        assertInvalid(aHousehold().lifted(2030).post(), "liftedYear");
        CreatedHousehold ok = aHousehold().monitored("MARGINAL", "ILLNESS", "EDUCATION").create();
        JsonPath j = get(Tokens.villageCadre(), ok.id());
        assertEquals("MONITORED", j.getString("category"));
        assertEquals("MARGINAL", j.getString("monitoringType"));
        assertEquals(List.of("ILLNESS", "EDUCATION"), j.getList("riskTypes"));
    }

    @Test
    void aPersonIsInOneHouseholdOnly() {
        CreatedHousehold existing = aHousehold().create();
        String name = "重复" + Fixtures.marker();
        String key = "dup-" + UUID.randomUUID();
        Response dup = aHousehold().headName(name).headIdNumber(existing.headIdNumber()).idempotencyKey(key).post();
        JsonPath p = assertProblem(dup, 409);
        assertEquals(List.of("head.idNumber"), p.getList("errors.field"));
        assertFalse(dup.asString().contains(existing.headIdNumber()));
        assertEquals(0, householdsNamed(name), "no household row from a rejected create");
        assertEquals(0, membersNamed(name), "no member row from a rejected create");

        CreatedHousehold other = aHousehold().create();
        String memberName = "成员" + Fixtures.marker();
        Map<String, Object> member = aMember(memberName, "SPOUSE");
        member.put("idNumber", existing.headIdNumber());
        Response add = addMember(Tokens.villageCadre(), other.id(), member);
        assertEquals(List.of("idNumber"), assertProblem(add, 409).getList("errors.field"));
        assertEquals(0, membersNamed(memberName), "no member row from a rejected add");
        assertEquals(1, get(Tokens.villageCadre(), other.id()).getList("members").size());
        assertEquals(List.of("CREATED"), timeline(Tokens.villageCadre(), other.id()).getList("type"));
        // A rejected request does not use up its idempotency key.
        CreatedHousehold ok = aHousehold().headName(name).idempotencyKey(key).create();
        assertNotEquals(existing.id(), ok.id());
        assertEquals(1, householdsNamed(name));
    }

    @Test
    void rejectedCreatesWriteNothing() {
        String name = "拒绝" + Fixtures.marker();
        String key = "reject-" + UUID.randomUUID();
        String valid = Fixtures.uniqueIdNumber();
        assertProblem(aHousehold().headName(name).headIdNumber(valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1'))
                .idempotencyKey(key).post(), 400);
        assertProblem(aHousehold().headName(name).inRegion(DemoData.TOWNSHIP).by(Tokens.townshipCadre()).idempotencyKey(key).post(), 400);
        assertProblem(aHousehold().headName(name).monitored(null, "ILLNESS").idempotencyKey(key).post(), 400);
        assertProblem(aHousehold().headName(name).inRegion(ZHONGYUAN_VILLAGE).idempotencyKey(key).post(), 403);
        assertProblem(aHousehold().headName(name).by(Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI)).idempotencyKey(key).post(), 403);
        assertProblem(aHousehold().headName(name).by(Tokens.provinceCadre()).idempotencyKey(key).post(), 403);
        assertProblem(aHousehold().headName(name).by(Tokens.countyManager()).idempotencyKey(key).post(), 403);
        assertEquals(0, householdsNamed(name), "no household row from rejected requests");
        assertEquals(0, membersNamed(name), "no member row from rejected requests");
        assertEquals(0, eventsOfHouseholdsNamed(name), "no event row from rejected requests");
        assertEquals(List.of(), search(Tokens.countyCadre(), Map.of("name", name)).getList("items"));
        // A rejected request does not use up its idempotency key.
        aHousehold().headName(name).idempotencyKey(key).create();
        assertEquals(1, householdsNamed(name));
        assertEquals(1, eventsOfHouseholdsNamed(name));
    }

    @Test
    void townshipAndCountyCadresRegisterInTheirVillages() {
        CreatedHousehold t = aHousehold().inRegion(CHENGNEI).by(Tokens.townshipCadre()).create();
        assertTrue(t.householdNo().startsWith(CHENGNEI));
        CreatedHousehold c = aHousehold().by(Tokens.countyCadre()).create();
        assertTrue(c.householdNo().startsWith(DemoData.VILLAGE));
    }

    @Test
    void searchFiltersAndPagesThroughEachHouseholdOnce() {
        String m = Fixtures.marker();
        String prefix = "查" + m;
        CreatedHousehold general = aHousehold().headName(prefix + "甲").create();
        CreatedHousehold lifted = aHousehold().headName(prefix + "乙").lifted(2018).create();
        CreatedHousehold monitored = aHousehold().headName(prefix + "丙").monitored("SUDDEN_HARDSHIP", "ILLNESS").create();
        CreatedHousehold chengnei = aHousehold().headName(prefix + "丁").inRegion(CHENGNEI).by(Tokens.townshipCadre())
                .monitored("MARGINAL", "DISASTER").create();
        Tokens.Principal township = Tokens.townshipCadre();

        // Village code first (城内村 410225101200 before 任庄村 410225101201), then id.
        assertEquals(List.of(chengnei.id(), general.id(), lifted.id(), monitored.id()), ids(search(township, Map.of("name", prefix))));
        assertEquals(List.of(lifted.id()), ids(search(township, Map.of("name", prefix, "category", "LIFTED"))));
        assertEquals(List.of(chengnei.id(), monitored.id()), ids(search(township, Map.of("name", prefix, "category", "MONITORED"))));
        assertEquals(List.of(monitored.id()), ids(search(township, Map.of("name", prefix, "riskType", "ILLNESS"))));
        assertEquals(List.of(chengnei.id()), ids(search(township, Map.of("name", prefix, "monitoringType", "MARGINAL"))));
        assertEquals(List.of(general.id(), lifted.id(), monitored.id()),
                ids(search(township, Map.of("name", prefix, "region", DemoData.VILLAGE))));
        assertEquals(List.of(chengnei.id()), ids(search(township, Map.of("name", prefix, "region", CHENGNEI))));
        assertEquals(List.of(lifted.id()), ids(search(township, Map.of("name", prefix + "乙"))));
        assertEquals(List.of(), ids(search(township, Map.of("name", "乙" + prefix))), "prefix, not substring");
        assertEquals(List.of(lifted.id()), ids(search(township, Map.of("householdNo", lifted.householdNo()))));
        assertEquals(List.of(monitored.id()), ids(search(township, Map.of("idNumber", monitored.headIdNumber()))));
        assertEquals(List.of(monitored.id()),
                ids(search(township, Map.of("idNumber", monitored.headIdNumber().toLowerCase()))));
        assertEquals(List.of(general.id()),
                ids(search(township, Map.of("name", prefix, "phoneLast4", general.headPhone().substring(7)))));

        JsonPath row = search(township, Map.of("householdNo", monitored.householdNo()));
        assertEquals(prefix + "丙", row.getString("items[0].headName"));
        assertEquals("任庄村", row.getString("items[0].regionName"));
        assertEquals(List.of("ILLNESS"), row.getList("items[0].riskTypes"));
        assertEquals(1, row.getInt("items[0].memberCount"));

        // Keyset pagination, three per page: every household exactly once, in (village, id) order, then no cursor;
        // the page break falls inside 任庄村.
        List<Long> seen = new ArrayList<>();
        Long after = null;
        int pages = 0;
        do {
            Map<String, Object> params = new HashMap<>(Map.of("name", prefix, "limit", 3));
            if (after != null) {
                params.put("after", after);
            }
            JsonPath page = search(township, params);
            List<Long> pageIds = ids(page);
            assertTrue(pageIds.size() <= 3);
            seen.addAll(pageIds);
            after = page.get("nextAfter") == null ? null : page.getLong("nextAfter");
            if (after != null) {
                assertEquals(pageIds.get(pageIds.size() - 1), after);
            }
            pages++;
        } while (after != null && pages < 10);
        assertEquals(List.of(chengnei.id(), general.id(), lifted.id(), monitored.id()), seen);
        assertEquals(2, pages);

        // Each caller sees only its own region.
        assertEquals(List.of(general.id(), lifted.id(), monitored.id()), ids(search(Tokens.villageCadre(), Map.of("name", prefix))));
        assertEquals(List.of(chengnei.id()), ids(search(Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI), Map.of("name", prefix))));
        assertEquals(List.of(), ids(search(Tokens.cadre(Role.COUNTY_CADRE, ZHONGYUAN), Map.of("name", prefix))));
        assertEquals(4, ids(search(Tokens.provinceCadre(), Map.of("name", prefix))).size());
        assertEquals(4, ids(search(Tokens.demoClient("households:read"), Map.of("name", prefix))).size());
    }

    @Test
    void searchParametersAreChecked() {
        String token = Tokens.villageCadre().token();
        assertProblem(Api.as(Tokens.villageCadre()).queryParam("region", DemoData.TOWNSHIP).get("/api/households"), 404);
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + token).queryParam("phoneLast4", "12a4")
                .get("/api/households"), "phoneLast4");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + token).queryParam("limit", 0)
                .get("/api/households"), "limit");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + token).queryParam("region", "41022")
                .get("/api/households"), "region");
    }

    @Test
    void detailIsLoggedAsAViewWithRoleAndRegionOnly() {
        CreatedHousehold h = aHousehold().create();
        get(Tokens.townshipCadre(), h.id());
        Response r = Api.as(Tokens.villageCadre()).get("/api/households/{id}/viewers", h.id());
        assertEquals(200, r.statusCode(), r::asString);
        JsonPath v = r.jsonPath();
        assertEquals(List.of("VIEW"), v.getList("kind"));
        assertEquals("TOWNSHIP_CADRE", v.getString("[0].actorRole"));
        assertEquals(DemoData.TOWNSHIP, v.getString("[0].actorRegion"));
        assertEquals("堌阳镇", v.getString("[0].actorRegionName"));
        assertNotNull(v.getString("[0].at"));
        Map<String, Object> record = v.getMap("[0]");
        assertEquals(new HashSet<>(List.of("kind", "actorRole", "actorRegion", "actorRegionName", "at")), record.keySet(),
                "no actor id, name or phone");
        assertFalse(r.asString().contains("王秀兰"));

        get(Tokens.villageCadre(), h.id());
        v = Api.as(Tokens.villageCadre()).get("/api/households/{id}/viewers", h.id()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("VIEW", "VIEW"), v.getList("kind"));
        assertEquals("VILLAGE_CADRE", v.getString("[0].actorRole"), "newest first");
        // Reading the history or the viewers is no view.
        timeline(Tokens.villageCadre(), h.id());
        assertEquals(2, Api.as(Tokens.villageCadre()).get("/api/households/{id}/viewers", h.id()).jsonPath().getList("kind").size());
    }

    @Test
    void patchRecordsChangesFromTo() {
        CreatedHousehold h = aHousehold().create();
        int version = get(Tokens.villageCadre(), h.id()).getInt("version");
        String newBank = Fixtures.uniqueBankAccount();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("version", version);
        change.put("reason", "入户核实");
        change.put("address", "新地址" + Fixtures.marker());
        change.put("category", "MONITORED");
        change.put("monitoringType", "UNSTABLE_LIFTED");
        change.put("riskTypes", List.of("DISASTER"));
        change.put("bankAccount", newBank);
        Response r = patch(Tokens.villageCadre(), h.id(), change);
        assertEquals(200, r.statusCode(), r::asString);
        JsonPath j = r.jsonPath();
        assertEquals(version + 1, j.getInt("version"));
        assertEquals(change.get("address"), j.getString("address"));
        assertEquals("MONITORED", j.getString("category"));
        assertEquals("****" + newBank.substring(newBank.length() - 4), j.getString("bankAccount"));

        JsonPath events = timeline(Tokens.villageCadre(), h.id());
        assertEquals(List.of("CREATED", "UPDATED"), events.getList("type"));
        assertEquals("入户核实", events.getString("[1].reason"));
        assertEquals("GENERAL", change(events, 1, "category").get("from"));
        assertEquals("MONITORED", change(events, 1, "category").get("to"));
        assertEquals(change.get("address"), change(events, 1, "address").get("to"));
        assertNull(change(events, 1, "monitoringType").get("from"));
        assertEquals("UNSTABLE_LIFTED", change(events, 1, "monitoringType").get("to"));
        Map<String, Object> bank = change(events, 1, "bankAccount");
        assertEquals("****" + h.bankAccount().substring(h.bankAccount().length() - 4), bank.get("from"));
        assertEquals("****" + newBank.substring(newBank.length() - 4), bank.get("to"));
        String history = Api.as(Tokens.villageCadre()).get("/api/households/{id}/timeline", h.id()).asString();
        assertFalse(history.contains(newBank) || history.contains(h.bankAccount()), "bank accounts appear masked only");

        // The version read before is stale now.
        change.put("address", "再改" + Fixtures.marker());
        assertProblem(patch(Tokens.villageCadre(), h.id(), change), 409);
        assertEquals(j.getString("address"), get(Tokens.villageCadre(), h.id()).getString("address"));
        assertEquals(2, timeline(Tokens.villageCadre(), h.id()).getList("type").size());
    }

    @Test
    void theMiniProgramChangesAHouseholdByPost() {
        CreatedHousehold h = aHousehold().create();
        String address = "小程序改" + Fixtures.marker();
        Map<String, Object> change = Map.of("version", h.version(), "reason", "入户核实", "address", address);
        Response r = Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(change)
                .post("/api/households/{id}/update", h.id());
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals(address, r.jsonPath().getString("address"));
        assertEquals(h.version() + 1, r.jsonPath().getInt("version"));
        assertEquals(List.of("CREATED", "UPDATED"), timeline(Tokens.villageCadre(), h.id()).getList("type"));
        // Same rules as PATCH: the version just used is stale now, and a change needs a reason.
        assertProblem(Api.as(Tokens.villageCadre()).contentType(ContentType.JSON).body(change)
                .post("/api/households/{id}/update", h.id()), 409);
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.villageCadre().token())
                .contentType(ContentType.JSON).body(Map.of("version", h.version() + 1, "address", "无原因"))
                .post("/api/households/{id}/update", h.id()), "reason");
        assertEquals(2, timeline(Tokens.villageCadre(), h.id()).getList("type").size());
    }

    @Test
    void patchChecksTheResult() {
        CreatedHousehold h = aHousehold().create();
        Map<String, Object> change = new LinkedHashMap<>(Map.of("version", h.version(), "reason", "测试",
                "category", "MONITORED"));
        assertInvalid(patch(Tokens.villageCadre(), h.id(), change), "monitoringType");
        assertInvalid(patch(Tokens.villageCadre(), h.id(), Map.of("version", h.version(), "reason", "无变化")), "version");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + Tokens.villageCadre().token())
                .contentType(ContentType.JSON).body(Map.of("version", h.version(), "address", "无原因"))
                .patch("/api/households/{id}", h.id()), "reason");
        assertEquals(List.of("CREATED"), timeline(Tokens.villageCadre(), h.id()).getList("type"));
        assertEquals("GENERAL", get(Tokens.villageCadre(), h.id()).getString("category"));
    }

    @Test
    void membersAreAddedAndRemovedButTheHeadStays() {
        CreatedHousehold h = aHousehold().create();
        Map<String, Object> spouse = aMember("配偶" + Fixtures.marker(), "SPOUSE");
        Response added = addMember(Tokens.villageCadre(), h.id(), spouse);
        assertEquals(200, added.statusCode(), added::asString);
        JsonPath j = added.jsonPath();
        assertEquals(2, j.getList("members").size());
        long spouseId = j.getLong("members.find { it.relation == 'SPOUSE' }.id");
        String id = (String) spouse.get("idNumber");
        assertEquals(id.substring(0, 6) + "********" + id.substring(14), j.getString("members.find { it.relation == 'SPOUSE' }.idNumber"));
        assertFalse(added.asString().contains(id));

        Map<String, Object> secondHead = aMember("户主二" + Fixtures.marker(), "HEAD");
        assertInvalid(addMember(Tokens.villageCadre(), h.id(), secondHead), "relation");

        assertProblem(removeMember(Tokens.villageCadre(), h.id(), h.headId(), "户主迁出"), 409);
        assertProblem(removeMember(Tokens.villageCadre(), h.id(), 987_654_321L, "测试"), 404);

        Response removed = removeMember(Tokens.villageCadre(), h.id(), spouseId, "婚姻变动");
        assertEquals(200, removed.statusCode(), removed::asString);
        assertEquals(List.of(h.headId()), removed.jsonPath().getList("members.id", Long.class));
        assertProblem(removeMember(Tokens.villageCadre(), h.id(), spouseId, "再次移除"), 404);
        assertEquals(1, ids(search(Tokens.villageCadre(), Map.of("householdNo", h.householdNo()))).size());
        assertEquals(1, search(Tokens.villageCadre(), Map.of("householdNo", h.householdNo())).getInt("items[0].memberCount"));

        JsonPath events = timeline(Tokens.villageCadre(), h.id());
        assertEquals(List.of("CREATED", "MEMBER_ADDED", "MEMBER_REMOVED"), events.getList("type"));
        assertEquals(spouseId, events.getLong("[1].memberId"));
        assertEquals(spouseId, events.getLong("[2].memberId"));
        assertEquals("婚姻变动", events.getString("[2].reason"));
        assertEquals(spouse.get("name"), change(events, 2, "name").get("from"));

        // Once removed, the person may join another household.
        CreatedHousehold other = aHousehold().create();
        Map<String, Object> again = aMember((String) spouse.get("name"), "SPOUSE");
        again.put("idNumber", id);
        assertEquals(200, addMember(Tokens.villageCadre(), other.id(), again).statusCode());
    }

    @Test
    void villageCadreRevealsWithAReasonAndIsLogged() {
        CreatedHousehold h = aHousehold().create();
        Response r = reveal(Tokens.villageCadre(), h.id(), "ID_NUMBER", h.headId(), "核对低保申请材料");
        assertEquals(200, r.statusCode(), r::asString);
        assertEquals(h.headIdNumber(), r.jsonPath().getString("value"));
        assertEquals("ID_NUMBER", r.jsonPath().getString("field"));
        Response phone = reveal(Tokens.townshipCadre(), h.id(), "PHONE", h.headId(), "电话回访");
        assertEquals(h.headPhone(), phone.then().statusCode(200).extract().jsonPath().getString("value"));
        Response bank = reveal(Tokens.villageCadre(), h.id(), "BANK_ACCOUNT", null, "补贴发放核对");
        assertEquals(h.bankAccount(), bank.then().statusCode(200).extract().jsonPath().getString("value"));

        JsonPath v = Api.as(Tokens.villageCadre()).get("/api/households/{id}/viewers", h.id()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("REVEAL", "REVEAL", "REVEAL"), v.getList("kind"));
        assertEquals(List.of("BANK_ACCOUNT", "PHONE", "ID_NUMBER"), v.getList("field"));
        assertEquals(List.of("VILLAGE_CADRE", "TOWNSHIP_CADRE", "VILLAGE_CADRE"), v.getList("actorRole"));
        assertEquals(List.of(DemoData.VILLAGE, DemoData.TOWNSHIP, DemoData.VILLAGE), v.getList("actorRegion"));
    }

    @Test
    void revealIsForTownshipAndVillageOnlyAndNeedsAReason() {
        CreatedHousehold h = aHousehold().create();
        assertProblem(reveal(Tokens.countyCadre(), h.id(), "ID_NUMBER", h.headId(), "核对信息"), 403);
        assertProblem(reveal(Tokens.provinceCadre(), h.id(), "ID_NUMBER", h.headId(), "核对信息"), 403);
        assertProblem(reveal(Tokens.demoClient("households:read"), h.id(), "ID_NUMBER", h.headId(), "核对信息"), 403);
        String token = Tokens.villageCadre().token();
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("field", "ID_NUMBER", "memberId", h.headId())).post("/api/households/{id}/reveal", h.id()), "reason");
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("field", "ID_NUMBER", "memberId", h.headId(), "reason", "  "))
                .post("/api/households/{id}/reveal", h.id()), "reason");
        assertInvalid(reveal(Tokens.villageCadre(), h.id(), "ID_NUMBER", null, "核对信息"), "memberId");
        assertProblem(reveal(Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI), h.id(), "ID_NUMBER", h.headId(), "核对信息"), 404);
        CreatedHousehold other = aHousehold().create();
        assertProblem(reveal(Tokens.villageCadre(), h.id(), "ID_NUMBER", other.headId(), "核对信息"), 404);
        assertEquals(List.of(), Api.as(Tokens.villageCadre()).get("/api/households/{id}/viewers", h.id()).jsonPath().getList("kind"),
                "refused reveals are not logged as reveals");
    }

    @Test
    void countyAndProvinceCadresReadButOnlyTheCountyEdits() {
        CreatedHousehold h = aHousehold().create();
        get(Tokens.provinceCadre(), h.id());
        get(Tokens.countyCadre(), h.id());
        Map<String, Object> change = Map.of("version", h.version(), "reason", "测试", "address", "省里改" + Fixtures.marker());
        assertProblem(patch(Tokens.provinceCadre(), h.id(), change), 403);
        assertEquals(200, patch(Tokens.countyCadre(), h.id(), change).statusCode());
        assertProblem(Api.as(Tokens.countyManager()).get("/api/households/{id}", h.id()), 403);
        assertProblem(Api.as(Tokens.countyManager()).get("/api/households"), 403);
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        CreatedHousehold h = aHousehold().create();
        CreatedHousehold another = aHousehold().create();
        String base = "/api/households/" + h.id();
        Tokens.Principal village = Tokens.villageCadre();
        Tokens.Principal otherCounty = Tokens.cadre(Role.COUNTY_CADRE, ZHONGYUAN);
        Tokens.Principal otherCountyVillage = Tokens.cadre(Role.VILLAGE_CADRE, ZHONGYUAN_VILLAGE);
        Tokens.Principal siblingVillage = Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI);
        Tokens.Principal manager = Tokens.countyManager();
        Tokens.Principal province = Tokens.provinceCadre();
        Tokens.Principal ownFarmer = Tokens.farmer(950_000, DemoData.VILLAGE, h.id());
        Tokens.Principal otherFarmer = Tokens.farmer(950_001, DemoData.VILLAGE, another.id());
        Tokens.Principal reader = Tokens.demoClient("households:read");
        Tokens.Principal noScope = Tokens.demoClient("regions:read", "alerts:push");

        // Writes that pass every access check and then end in 409: no side effects.
        Map<String, Object> duplicate = aHousehold().headIdNumber(h.headIdNumber()).body();
        Map<String, Object> stale = Map.of("version", h.version() + 1000, "reason", "安全矩阵", "address", "矩阵");
        Map<String, Object> duplicateMember = aMember("矩阵", "SPOUSE");
        duplicateMember.put("idNumber", another.headIdNumber());
        Map<String, Object> reason = Map.of("reason", "安全矩阵");
        Map<String, Object> revealBody = Map.of("field", "ID_NUMBER", "memberId", h.headId(), "reason", "安全矩阵");

        return SecurityMatrix.of(
                SecurityMatrix.get("/api/households?region=" + DemoData.VILLAGE)
                        .accepts(village, 200)
                        .wrongRole(manager, 403)
                        .wrongRole(ownFarmer, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .clientWithoutScope(noScope, 403),
                SecurityMatrix.post("/api/households", duplicate)
                        .accepts(village, 409)
                        .wrongRole(manager, 403)
                        .wrongRole(province, 403)
                        .wrongRole(ownFarmer, 403)
                        .otherRegion(otherCountyVillage, 403)
                        .parentRegion(siblingVillage, 403)
                        .refuses("client with households:read", reader, 403)
                        .clientWithoutScope(noScope, 403),
                SecurityMatrix.get(base)
                        .accepts(village, 200)
                        .wrongRole(manager, 403)
                        .otherRegion(otherCounty, 404)
                        .otherRegion(otherCountyVillage, 404)
                        .parentRegion(siblingVillage, 404)
                        .otherHousehold(otherFarmer, 404)
                        .clientWithoutScope(noScope, 403),
                SecurityMatrix.patch(base, stale)
                        .accepts(village, 409)
                        .wrongRole(manager, 403)
                        .wrongRole(province, 403)
                        .wrongRole(ownFarmer, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .refuses("client with households:read", reader, 403),
                SecurityMatrix.post(base + "/update", stale)
                        .accepts(village, 409)
                        .wrongRole(manager, 403)
                        .wrongRole(province, 403)
                        .wrongRole(ownFarmer, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .refuses("client with households:read", reader, 403),
                SecurityMatrix.post(base + "/members", duplicateMember)
                        .accepts(village, 409)
                        .wrongRole(manager, 403)
                        .wrongRole(province, 403)
                        .wrongRole(ownFarmer, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .refuses("client with households:read", reader, 403),
                SecurityMatrix.post(base + "/members/" + h.headId() + "/remove", reason)
                        .accepts(village, 409)
                        .wrongRole(manager, 403)
                        .wrongRole(province, 403)
                        .wrongRole(ownFarmer, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .refuses("client with households:read", reader, 403),
                SecurityMatrix.get(base + "/timeline")
                        .accepts(village, 200)
                        .wrongRole(manager, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .otherHousehold(otherFarmer, 404)
                        .clientWithoutScope(noScope, 403),
                SecurityMatrix.get(base + "/timeline")
                        .accepts(ownFarmer, 200),
                SecurityMatrix.get(base + "/viewers")
                        .accepts(village, 200)
                        .wrongRole(manager, 403)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .otherHousehold(otherFarmer, 404)
                        .refuses("client with households:read", reader, 403),
                SecurityMatrix.get(base + "/viewers")
                        .accepts(ownFarmer, 200),
                SecurityMatrix.post(base + "/reveal", revealBody)
                        .accepts(village, 200)
                        .wrongRole(manager, 403)
                        .wrongRole(province, 403)
                        .wrongRole(Tokens.countyCadre(), 403)
                        .wrongRole(ownFarmer, 403)
                        .otherRegion(Tokens.cadre(Role.TOWNSHIP_CADRE, "410102001000"), 404)
                        .parentRegion(siblingVillage, 404)
                        .refuses("client with households:read", reader, 403));
    }

    private static JsonPath get(Tokens.Principal p, long id) {
        Response r = Api.as(p).get("/api/households/{id}", id);
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    private static JsonPath search(Tokens.Principal p, Map<String, ?> params) {
        Response r = Api.as(p).queryParams(params).get("/api/households");
        assertEquals(200, r.statusCode(), r::asString);
        return r.jsonPath();
    }

    private static List<Long> ids(JsonPath page) {
        List<Long> ids = page.getList("items.id", Long.class);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no household twice");
        return ids;
    }

    private static JsonPath timeline(Tokens.Principal p, long id) {
        Response r = Api.as(p).get("/api/households/{id}/timeline", id);
        assertEquals(200, r.statusCode(), r::asString);
        JsonPath j = r.jsonPath();
        List<Long> eventIds = j.getList("id", Long.class);
        assertEquals(eventIds.stream().sorted().toList(), eventIds, "in order");
        return j;
    }

    /** The change of {@code field} in event {@code index}; fails when there is none. */
    private static Map<String, Object> change(JsonPath events, int index, String field) {
        List<Map<String, Object>> changes = events.getList("[" + index + "].changes");
        return changes.stream().filter(c -> field.equals(c.get("field"))).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + field + " in " + changes));
    }

    private static Response patch(Tokens.Principal p, long id, Map<String, ?> body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).patch("/api/households/{id}", id);
    }

    private static Response addMember(Tokens.Principal p, long id, Map<String, ?> body) {
        return Api.as(p).contentType(ContentType.JSON).body(body).post("/api/households/{id}/members", id);
    }

    private static Response removeMember(Tokens.Principal p, long id, long memberId, String reason) {
        return Api.as(p).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/households/{id}/members/{memberId}/remove", id, memberId);
    }

    private static Response reveal(Tokens.Principal p, long id, String field, Long memberId, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("field", field);
        if (memberId != null) {
            body.put("memberId", memberId);
        }
        body.put("reason", reason);
        return Api.as(p).contentType(ContentType.JSON).body(body).post("/api/households/{id}/reveal", id);
    }

    private long householdsNamed(String headName) {
        return count("select count(*) from household where head_name = $1", headName);
    }

    private long membersNamed(String name) {
        return count("select count(*) from member where name = $1", name);
    }

    private long eventsOfHouseholdsNamed(String headName) {
        return count("select count(*) from household_event e join household h on h.id = e.household_id where h.head_name = $1",
                headName);
    }

    private long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(java.util.Arrays.asList(args))).await().indefinitely().iterator().next().getLong(0);
    }
}
