package org.dixian.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dixian.demo.DemoData;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Problems;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Excel import: all or nothing, with every problem reported by row and column. */
@QuarkusTest
class HouseholdImportApiTest {
    private static final String XLSX = HouseholdExport.XLSX;

    @Test
    void aCleanFileImportsEveryHousehold() {
        String m = Fixtures.marker();
        byte[] file = xlsx(
                row("1", DemoData.VILLAGE, "任庄村1组", "监测对象", "边缘易致贫户", "因病、因学", "甲" + m, Fixtures.uniqueIdNumber(), "户主", Fixtures.uniquePhone(), "慢性病", "", "普通劳动力", "县内", "低保"),
                row("1", "", "", "", "", "", "乙" + m, Fixtures.uniqueIdNumber(), "配偶", "", "健康", "", "普通劳动力", "无", "无"),
                row("2", DemoData.VILLAGE, "", "一般农户", "", "", "丙" + m, Fixtures.uniqueIdNumber(), "户主", "", "残疾", "2", "弱劳动力", "", ""));
        upload(file).then().statusCode(201).body("households", equalTo(2)).body("members", equalTo(3));

        JsonPath found = Api.as(Tokens.villageCadre()).queryParam("name", "甲" + m).get("/api/households").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, found.getList("items").size());
        long id = found.getLong("items[0].id");
        Api.as(Tokens.villageCadre()).get("/api/households/" + id).then().statusCode(200)
                .body("category", equalTo("MONITORED")).body("monitoringType", equalTo("MARGINAL"))
                .body("riskTypes", equalTo(List.of("ILLNESS", "EDUCATION"))).body("members.size()", equalTo(2))
                .body("members.find { it.relation == 'SPOUSE' }.name", equalTo("乙" + m))
                .body("members.find { it.relation == 'HEAD' }.assistanceStatus", equalTo("DIBAO"));
        Api.as(Tokens.villageCadre()).get("/api/households/" + id + "/timeline").then()
                .body("[0].type", equalTo("CREATED")).body("[0].reason", equalTo("Excel 导入"));
    }

    @Test
    void everyProblemIsReportedByRowAndNothingIsWritten() {
        String m = Fixtures.marker();
        String duplicate = Fixtures.uniqueIdNumber();
        String registered = Fixtures.aHousehold().create().headIdNumber();
        byte[] file = xlsx(
                row("1", DemoData.VILLAGE, "", "一般农户", "", "", "甲" + m, duplicate, "户主", "", "", "", "", "", ""),
                row("1", "", "", "", "", "", "乙" + m, "410225198001010019", "表哥", "12345", "", "", "", "", ""),
                row("2", DemoData.VILLAGE, "", "监测对象", "", "", "丙" + m, duplicate, "户主", "", "", "", "", "", ""),
                row("3", "410102001002", "", "一般农户", "", "", "丁" + m, registered, "户主", "", "", "", "", "", ""),
                row("4", DemoData.VILLAGE, "", "一般农户", "", "", "戊" + m, Fixtures.uniqueIdNumber(), "儿子", "", "", "", "", "", ""));
        Response r = upload(file);
        JsonPath problem = Problems.assertProblem(r, 400);
        List<Map<String, Object>> rows = problem.getList("rows");
        List<String> where = rows.stream().map(e -> e.get("row") + ":" + e.get("column")).collect(Collectors.toList());
        assertTrue(where.contains("3:身份证号"), where.toString());     // checksum
        assertTrue(where.contains("3:与户主关系"), where.toString());   // unknown relation
        assertTrue(where.contains("3:手机号"), where.toString());
        assertTrue(where.contains("4:身份证号"), where.toString());     // duplicate of row 2
        assertTrue(where.stream().anyMatch(w -> w.endsWith(":与户主关系") && !w.startsWith("3")), where.toString()); // no head in 4
        assertTrue(rows.stream().allMatch(e -> e.get("message") instanceof String s && !s.isBlank()));
        Api.as(Tokens.villageCadre()).queryParam("name", "甲" + m).get("/api/households").then()
                .body("items.size()", equalTo(0));

        // Once the file itself is clean, what only the database knows is reported the same way.
        byte[] second = xlsx(
                row("1", DemoData.VILLAGE, "", "监测对象", "", "", "甲" + m, Fixtures.uniqueIdNumber(), "户主", "", "", "", "", "", ""),
                row("2", "410102001002", "", "一般农户", "", "", "丁" + m, registered, "户主", "", "", "", "", "", ""));
        List<String> dbWhere = Problems.assertProblem(upload(second), 400).getList("rows", Map.class).stream()
                .map(e -> e.get("row") + ":" + e.get("column")).collect(Collectors.toList());
        assertTrue(dbWhere.contains("2:监测类型"), dbWhere.toString());
        assertTrue(dbWhere.contains("3:村区划代码"), dbWhere.toString());  // outside the cadre's village
        assertTrue(dbWhere.contains("3:身份证号"), dbWhere.toString());    // already registered
        Api.as(Tokens.villageCadre()).queryParam("name", "甲" + m).get("/api/households").then()
                .body("items.size()", equalTo(0));
    }

    @Test
    void wrongHeadersGarbageAndOversizedFilesAreRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("x");
        ws.value(0, 0, "姓名");
        ws.value(0, 1, "身份证");
        wb.finish();
        Problems.assertInvalid(upload(out.toByteArray()), "file");
        Problems.assertInvalid(upload("not an excel file".getBytes()), "file");
        Problems.assertInvalid(Api.unchecked().auth().oauth2(Tokens.villageCadre().token()).contentType(XLSX)
                .body(new byte[HouseholdImport.MAX_BYTES + 1]).post("/api/households/import"), "file");
        Problems.assertProblem(Api.unchecked().auth().oauth2(Tokens.villageCadre().token()).contentType("text/csv")
                .body("a,b").post("/api/households/import"), 415);
    }

    @Test
    void theTemplateHasTheImportHeaders() throws Exception {
        byte[] bytes = Api.as(Tokens.villageCadre()).get("/api/households/import-template").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            var first = wb.getFirstSheet().read().get(0);
            List<String> headers = first.stream().map(c -> c.getRawValue()).collect(Collectors.toList());
            assertEquals(HouseholdImport.HEADERS, headers);
            assertEquals(2, wb.getSheets().count());
        }
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/households/import-template").accepts(Tokens.villageCadre(), 200)
                        .wrongRole(Tokens.provinceCadre(), 403)
                        .wrongRole(Tokens.countyManager(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .clientWithoutScope(Tokens.demoClient("households:read"), 403));
    }

    @Test
    void onlyRegistryEditorsMayImport() {
        byte[] file = xlsx(row("1", DemoData.VILLAGE, "", "一般农户", "", "", "某" + Fixtures.marker(), Fixtures.uniqueIdNumber(), "户主", "", "", "", "", "", ""));
        for (var who : List.of(Tokens.provinceCadre(), Tokens.countyManager(), Tokens.demoFarmer(), Tokens.demoClient("households:read"))) {
            Problems.assertProblem(Api.as(who).contentType(XLSX).body(file).post("/api/households/import"), 403);
        }
        Problems.assertProblem(Api.given().contentType(XLSX).body(file).post("/api/households/import"), 401);
        Problems.assertProblem(Api.bearer(Tokens.villageCadre().expired()).contentType(XLSX).body(file).post("/api/households/import"), 401);
        Problems.assertProblem(Api.bearer(Tokens.villageCadre().tampered()).contentType(XLSX).body(file).post("/api/households/import"), 401);
    }

    private static Response upload(byte[] file) {
        return Api.as(Tokens.villageCadre()).contentType(XLSX).body(file).post("/api/households/import");
    }

    private static String[] row(String... cells) {
        return cells;
    }

    private static byte[] xlsx(String[]... rows) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("农户导入");
            for (int c = 0; c < HouseholdImport.HEADERS.size(); c++) {
                ws.value(0, c, HouseholdImport.HEADERS.get(c));
            }
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        ws.value(r + 1, c, rows[r][c]);
                    }
                }
            }
            wb.finish();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
