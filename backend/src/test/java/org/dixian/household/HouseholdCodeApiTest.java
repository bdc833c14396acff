package org.dixian.household;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.dixian.demo.DemoData;
import org.dixian.platform.idcard.IdCardNumber;
import org.dixian.platform.security.Role;
import org.dixian.testing.Api;
import org.dixian.testing.Problems;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 一户一码 and the village code: real PNGs, decoded and resolved per caller; revocation; scope. */
@QuarkusTest
class HouseholdCodeApiTest {
    private static final String OTHER_VILLAGE_OF_TOWNSHIP = "410225101200";
    private static final String OTHER_COUNTY_VILLAGE = "410102001002";
    private long householdId;

    @BeforeEach
    void aHousehold() {
        householdId = newHousehold();
    }

    /** A fresh household in 任庄村 with a random valid head, created by the village cadre. */
    static long newHousehold() {
        LocalDate birth = LocalDate.of(1960 + ThreadLocalRandom.current().nextInt(40), 1 + ThreadLocalRandom.current().nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28));
        String id = IdCardNumber.of("410225", birth, ThreadLocalRandom.current().nextInt(1000));
        return Api.as(Tokens.villageCadre()).contentType("application/json")
                .body(Map.of("regionCode", DemoData.VILLAGE, "category", "GENERAL",
                        "head", Map.of("name", "扫码户" + ThreadLocalRandom.current().nextInt(1_000_000), "idNumber", id, "relation", "HEAD")))
                .post("/api/households").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void householdCodeOpensTheHouseholdForACadreAndTheDeclarationForAFarmer() throws Exception {
        String code = codeIn(Api.as(Tokens.villageCadre()).get("/api/households/" + householdId + "/qr.png"));
        assertTrue(code.startsWith("H" + householdId + "-"), code);
        Api.as(Tokens.townshipCadre()).get("/api/qr/" + code).then().statusCode(200)
                .body("kind", equalTo("HOUSEHOLD")).body("householdId", equalTo((int) householdId))
                .body("regionName", equalTo("任庄村"));
        Api.as(Tokens.demoFarmer()).get("/api/qr/" + code).then().statusCode(200)
                .body("kind", equalTo("DECLARE")).body("regionCode", equalTo(DemoData.VILLAGE));
        // The same code again: stable until revoked.
        assertEquals(code, codeIn(Api.as(Tokens.villageCadre()).get("/api/households/" + householdId + "/qr.png")));
    }

    @Test
    void revokingReplacesTheCodeAndTheOldOneStopsWorking() throws Exception {
        String old = codeIn(Api.as(Tokens.villageCadre()).get("/api/households/" + householdId + "/qr.png"));
        Api.as(Tokens.villageCadre()).contentType("application/json").body(Map.of("reason", "门牌二维码损坏"))
                .post("/api/households/" + householdId + "/qr/revoke").then().statusCode(204);
        Problems.assertProblem(Api.as(Tokens.villageCadre()).get("/api/qr/" + old), 404);
        String fresh = codeIn(Api.as(Tokens.villageCadre()).get("/api/households/" + householdId + "/qr.png"));
        assertNotEquals(old, fresh);
        Api.as(Tokens.villageCadre()).get("/api/qr/" + fresh).then().statusCode(200).body("kind", equalTo("HOUSEHOLD"));
        Api.as(Tokens.villageCadre()).get("/api/households/" + householdId + "/timeline").then().statusCode(200)
                .body("type", org.hamcrest.Matchers.hasItem("CODE_REVOKED"));
    }

    @Test
    void villageCodeLeadsToTheVillage() throws Exception {
        String code = codeIn(Api.as(Tokens.villageCadre()).get("/api/villages/" + DemoData.VILLAGE + "/qr.png"));
        Api.as(Tokens.demoFarmer()).get("/api/qr/" + code).then().statusCode(200)
                .body("kind", equalTo("VILLAGE")).body("regionName", equalTo("任庄村"));
        Problems.assertInvalid(Api.as(Tokens.townshipCadre()).get("/api/villages/" + DemoData.TOWNSHIP + "/qr.png"), "code");
    }

    @Test
    void forgedCodesAreNotRecognised() throws Exception {
        String code = codeIn(Api.as(Tokens.villageCadre()).get("/api/households/" + householdId + "/qr.png"));
        String forged = code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0");
        Problems.assertProblem(Api.as(Tokens.villageCadre()).get("/api/qr/" + forged), 404);
        Problems.assertProblem(Api.as(Tokens.villageCadre()).get("/api/qr/V" + DemoData.VILLAGE + "-0000000000000000"), 404);
        String otherHousehold = "H" + (householdId + 1_000_000) + code.substring(code.indexOf('-'));
        Problems.assertProblem(Api.as(Tokens.villageCadre()).get("/api/qr/" + otherHousehold), 404);
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() throws Exception {
        String code = codeIn(Api.as(Tokens.villageCadre()).get("/api/households/" + householdId + "/qr.png"));
        String qr = "/api/households/" + householdId + "/qr.png";
        // Revoking in the matrix must not invalidate the code the resolve row uses.
        long revoked = newHousehold();
        return SecurityMatrix.of(
                SecurityMatrix.get(qr).accepts(Tokens.villageCadre(), 200)
                        .wrongRole(Tokens.countyManager(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(Tokens.cadre(Role.VILLAGE_CADRE, OTHER_COUNTY_VILLAGE), 404)
                        .parentRegion(Tokens.cadre(Role.VILLAGE_CADRE, OTHER_VILLAGE_OF_TOWNSHIP), 404)
                        .otherHousehold(Tokens.farmer(10, DemoData.VILLAGE, householdId + 1_000_000), 403)
                        .clientWithoutScope(Tokens.demoClient("regions:read"), 403),
                SecurityMatrix.post("/api/households/" + revoked + "/qr/revoke", Map.of("reason", "测试"))
                        .accepts(Tokens.townshipCadre(), 204)
                        .wrongRole(Tokens.provinceCadre(), 403)
                        .otherRegion(Tokens.cadre(Role.TOWNSHIP_CADRE, "410102001000"), 404)
                        .parentRegion(Tokens.cadre(Role.INFO_OFFICER, OTHER_VILLAGE_OF_TOWNSHIP), 404)
                        .clientWithoutScope(Tokens.demoClient("households:read"), 403),
                SecurityMatrix.get("/api/villages/" + DemoData.VILLAGE + "/qr.png").accepts(Tokens.townshipCadre(), 200)
                        .wrongRole(Tokens.countyManager(), 403)
                        .wrongRole(Tokens.demoFarmer(), 403)
                        .otherRegion(Tokens.cadre(Role.VILLAGE_CADRE, OTHER_VILLAGE_OF_TOWNSHIP), 404)
                        .clientWithoutScope(Tokens.demoClient("regions:read"), 403),
                SecurityMatrix.get("/api/qr/" + code).accepts(Tokens.countyCadre(), 200)
                        .wrongRole(Tokens.countyManager(), 403)
                        .otherRegion(Tokens.cadre(Role.COUNTY_CADRE, "410102000000"), 404)
                        .parentRegion(Tokens.cadre(Role.VILLAGE_CADRE, OTHER_VILLAGE_OF_TOWNSHIP), 404)
                        .clientWithoutScope(Tokens.demoClient("households:read"), 403));
    }

    /** Decodes the PNG answer and returns the code carried in the link. */
    static String codeIn(Response r) throws Exception {
        r.then().statusCode(200).contentType("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.asByteArray()));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels))), org.dixian.platform.qr.QrImagesTest.PURE).getText();
        assertTrue(text.contains("/#/pages/scan/index?c="), text);
        return URLDecoder.decode(text.substring(text.indexOf("?c=") + 3), StandardCharsets.UTF_8);
    }
}
