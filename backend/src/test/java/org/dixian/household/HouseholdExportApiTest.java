package org.dixian.household;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dixian.demo.DemoData;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.Problems;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Excel export: a real workbook with the filtered rows, in Chinese, inside the caller's region only. */
@QuarkusTest
class HouseholdExportApiTest {

    @Test
    void exportsTheFilteredListAsAWorkbook() throws Exception {
        String prefix = "导" + Fixtures.marker();
        var a = Fixtures.aHousehold().headName(prefix + "甲").create();
        var b = Fixtures.aHousehold().headName(prefix + "乙").monitored("MARGINAL", "ILLNESS", "HOUSING").create();
        Fixtures.aHousehold().headName("别人" + Fixtures.marker()).create();

        Response r = Api.as(Tokens.townshipCadre()).queryParam("name", prefix).get("/api/households/export");
        r.then().statusCode(200).contentType(HouseholdExport.XLSX);
        assertTrue(r.header("Content-Disposition").contains("attachment"));
        List<List<String>> rows = rows(r.asByteArray());
        assertEquals(List.of("户编号", "所在村", "区划代码", "户主", "农户类别", "监测类型", "风险类型", "人口"), rows.get(0));
        assertEquals(3, rows.size(), "header and the two matching households: " + rows);
        assertEquals(List.of(a.householdNo(), "任庄村", DemoData.VILLAGE, prefix + "甲", "一般农户", "", "", "1"), rows.get(1));
        assertEquals(List.of(b.householdNo(), "任庄村", DemoData.VILLAGE, prefix + "乙", "监测对象", "边缘易致贫户",
                "因病、住房出现安全问题", "1"), rows.get(2));
    }

    @Test
    void anotherRegionExportsNothingOfOurs() throws Exception {
        String prefix = "外" + Fixtures.marker();
        Fixtures.aHousehold().headName(prefix).create();
        Response r = Api.as(Tokens.cadre(Role.COUNTY_CADRE, "410102000000")).queryParam("name", prefix).get("/api/households/export");
        assertEquals(1, rows(r.then().statusCode(200).extract().asByteArray()).size(), "header only");
    }

    @Test
    void refusalsAreProblemsNotWorkbooks() {
        Problems.assertProblem(Api.as(Tokens.countyManager()).get("/api/households/export"), 403);
        Problems.assertProblem(Api.as(Tokens.villageCadre()).queryParam("region", DemoData.COUNTY).get("/api/households/export"), 404);
        Problems.assertInvalid(Api.unchecked().auth().oauth2(Tokens.villageCadre().token())
                .queryParam("region", "4102").get("/api/households/export"), "region");
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        return SecurityMatrix.of(
                SecurityMatrix.get("/api/households/export?region=" + DemoData.VILLAGE).accepts(Tokens.villageCadre(), 200)
                        .wrongRole(Tokens.countyManager(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(Tokens.cadre(Role.VILLAGE_CADRE, "410102001002"), 404)
                        .parentRegion(Tokens.cadre(Role.VILLAGE_CADRE, "410225101200"), 404)
                        .clientWithoutScope(Tokens.demoClient("regions:read"), 403));
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getFirstSheet().read().stream().map(HouseholdExportApiTest::cells).collect(Collectors.toList());
        }
    }

    private static List<String> cells(Row row) {
        return row.stream().map(c -> c == null ? "" : c.getRawValue() == null ? "" : c.getRawValue())
                .map(v -> v.endsWith(".0") ? v.substring(0, v.length() - 2) : v).collect(Collectors.toList());
    }
}
