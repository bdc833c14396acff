package org.dixian.media;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.dixian.demo.DemoData;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.testing.Api;
import org.dixian.testing.Fixtures;
import org.dixian.testing.SecurityMatrix;
import org.dixian.testing.Tokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.dixian.testing.Problems.assertInvalid;
import static org.dixian.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MediaApiTest {
    private static final String CHENGNEI = "410225101200"; // another village of 堌阳镇
    private static final String ZHONGYUAN = "410102000000"; // 郑州市中原区
    private static final int[] LAT = {34, 50, 3060};
    private static final int[] LON = {114, 49, 1200};

    @Inject
    Pool pool;
    @Inject
    MediaService media;
    @Inject
    MediaStore store;

    /** A farmer with an account (photos reference their uploader). */
    private Tokens.Principal farmer() {
        long id = pool.preparedQuery("insert into account (name, role, region_code, wechat_openid) "
                        + "values ($1, 'FARMER', $2, $3) returning id")
                .execute(Tuple.of("农户" + Fixtures.marker(), DemoData.VILLAGE, "o-media-" + UUID.randomUUID()))
                .await().indefinitely().iterator().next().getLong(0);
        return Tokens.farmer(id, DemoData.VILLAGE, null);
    }

    private static Scope scopeOf(Tokens.Principal p) {
        return new Scope(Long.parseLong(p.subject()), p.subject(), p.role(), p.region(),
                p.region() == null ? 0 : RegionCodes.level(p.region()), p.household(), Set.of());
    }

    static Response upload(Tokens.Principal p, String fileName, byte[] bytes, String declaredType) {
        return Api.as(p).multiPart("file", fileName, bytes, declaredType).post("/api/media");
    }

    private static long uploaded(Tokens.Principal p) {
        Response r = upload(p, "photo.jpg", TestPhotos.jpeg(), "image/jpeg");
        assertEquals(201, r.statusCode(), r::asString);
        return r.jsonPath().getLong("id");
    }

    /** Runs the Java API as another feature would: inside its own reactive transaction. */
    private <T> T inTransaction(Supplier<io.smallrye.mutiny.Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
    }

    private void attach(Tokens.Principal owner, List<Long> ids, String region, String to) throws Throwable {
        inTransaction(() -> media.attach(scopeOf(owner), ids, region, to, "photoIds"));
    }

    @Test
    void aJpegKeepsItsExifLocationAndTime() throws Exception {
        Tokens.Principal farmer = farmer();
        byte[] photo = TestPhotos.jpegWithExif(ByteOrder.BIG_ENDIAN, 'N', LAT, 'E', LON, "2025:06:01 09:15:42");
        Response r = upload(farmer, "IMG_0001.JPG", photo, "image/jpeg");
        assertEquals(201, r.statusCode(), r::asString);
        // Doubles as parsed (REST Assured reads JSON numbers as floats by default).
        JsonPath j = r.jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        long id = j.getLong("id");
        assertEquals("image/jpeg", j.getString("contentType"));
        assertEquals(photo.length, j.getLong("size"));
        assertEquals(34 + 50 / 60.0 + 30.6 / 3600, j.getDouble("latitude"), 1e-9);
        assertEquals(114 + 49 / 60.0 + 12.0 / 3600, j.getDouble("longitude"), 1e-9);
        assertEquals("2025:06:01 09:15:42", j.getString("takenAt"));

        // On disk under its SHA-256.
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
        assertArrayEquals(photo, java.nio.file.Files.readAllBytes(store.dir().resolve(sha.substring(0, 2)).resolve(sha)));

        Response bytes = Api.as(farmer).get("/api/media/{id}", id);
        assertEquals(200, bytes.statusCode(), bytes::asString);
        assertEquals("image/jpeg", bytes.contentType());
        assertEquals("\"" + sha + "\"", bytes.header("ETag"));
        assertArrayEquals(photo, bytes.asByteArray(), bytes::asString);

        Response info = Api.as(farmer).get("/api/media/{id}/info", id);
        assertEquals(200, info.statusCode(), info::asString);
        assertEquals(r.jsonPath().getMap(""), info.jsonPath().getMap(""));
    }

    @Test
    void aPngIsAcceptedWithoutEvidence() {
        Tokens.Principal cadre = Tokens.villageCadre();
        byte[] photo = TestPhotos.png();
        Response r = upload(cadre, "screen.png", photo, "image/png");
        assertEquals(201, r.statusCode(), r::asString);
        assertEquals("image/png", r.jsonPath().getString("contentType"));
        assertNull(r.jsonPath().get("latitude"));
        assertNull(r.jsonPath().get("takenAt"));
        Response bytes = Api.as(cadre).get("/api/media/{id}", r.jsonPath().getLong("id"));
        assertEquals(200, bytes.statusCode(), bytes::asString);
        assertEquals("image/png", bytes.contentType(), bytes::asString);
        assertArrayEquals(photo, bytes.asByteArray(), bytes::asString);
    }

    @Test
    void theBytesDecideTheTypeNotTheDeclaredContentType() {
        Tokens.Principal farmer = farmer();
        Response png = upload(farmer, "photo.jpg", TestPhotos.png(), "image/jpeg");
        assertEquals(201, png.statusCode(), png::asString);
        assertEquals("image/png", png.jsonPath().getString("contentType"));

        JsonPath gif = assertProblem(upload(farmer, "photo.jpg", TestPhotos.gif(), "image/jpeg"), 415);
        assertEquals("只能上传 JPEG、PNG 格式的照片或 PDF 文件", gif.getString("detail"));
        assertEquals(List.of("file"), gif.getList("errors.field"));
        assertProblem(upload(farmer, "notes.txt", "不是照片".getBytes(StandardCharsets.UTF_8), "text/plain"), 415);
        assertProblem(upload(farmer, "x.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8}, "image/jpeg"), 415);
    }

    @Test
    void aPhotoOverTheLimitIs413() {
        byte[] big = Arrays.copyOf(TestPhotos.jpeg(), 5 * 1024 * 1024 + 1);
        JsonPath p = assertProblem(upload(farmer(), "big.jpg", big, "image/jpeg"), 413);
        assertEquals("照片不能超过 5 MB", p.getString("detail"));
        assertEquals(List.of("file"), p.getList("errors.field"));
        // Exactly at the limit is fine.
        Response atLimit = upload(farmer(), "limit.jpg", Arrays.copyOf(TestPhotos.jpeg(), 5 * 1024 * 1024), "image/jpeg");
        assertEquals(201, atLimit.statusCode(), atLimit::asString);
    }

    @Test
    void aPdfIsStoredWithItsNameAndServedUnderIt() {
        Tokens.Principal cadre = Tokens.countyCadre();
        byte[] pdf = TestPhotos.pdf();
        Response r = upload(cadre, "scans/measures-2026.pdf", pdf, "application/pdf");
        assertEquals(201, r.statusCode(), r::asString);
        assertEquals("application/pdf", r.jsonPath().getString("contentType"));
        assertEquals("measures-2026.pdf", r.jsonPath().getString("fileName"));
        assertEquals(pdf.length, r.jsonPath().getLong("size"));
        assertNull(r.jsonPath().get("latitude"));
        Response bytes = Api.as(cadre).get("/api/media/{id}", r.jsonPath().getLong("id"));
        assertEquals(200, bytes.statusCode(), bytes::asString);
        assertEquals("application/pdf", bytes.contentType());
        assertEquals("inline; filename=\"measures-2026.pdf\"; filename*=UTF-8''measures-2026.pdf", bytes.header("Content-Disposition"));
        assertArrayEquals(pdf, bytes.asByteArray());

        // The mini-program's temporary path carries no name: the form field fileName gives it, in Chinese too.
        Response named = Api.as(cadre).multiPart("file", "tmp_8f3a.pdf", pdf, "application/pdf")
                .multiPart(new MultiPartSpecBuilder("兰考县医疗救助办法.pdf").controlName("fileName")
                        .mimeType("text/plain").charset(StandardCharsets.UTF_8).build())
                .post("/api/media");
        assertEquals(201, named.statusCode(), named::asString);
        assertEquals("兰考县医疗救助办法.pdf", named.jsonPath().getString("fileName"));
        long id = named.jsonPath().getLong("id");
        assertEquals("兰考县医疗救助办法.pdf", Api.as(cadre).get("/api/media/{id}/info", id).jsonPath().getString("fileName"));
        assertEquals("inline; filename=\"_________.pdf\"; filename*=UTF-8''"
                        + "%E5%85%B0%E8%80%83%E5%8E%BF%E5%8C%BB%E7%96%97%E6%95%91%E5%8A%A9%E5%8A%9E%E6%B3%95.pdf",
                Api.as(cadre).get("/api/media/{id}", id).header("Content-Disposition"));

        // A photo keeps its name too, and gets no Content-Disposition.
        Response photo = upload(cadre, "IMG_0002.JPG", TestPhotos.jpeg(), "image/jpeg");
        assertEquals("IMG_0002.JPG", photo.jsonPath().getString("fileName"));
        assertNull(Api.as(cadre).get("/api/media/{id}", photo.jsonPath().getLong("id")).header("Content-Disposition"));
    }

    @Test
    void aDeclaredPdfMustStartWithThePdfSignature() {
        Tokens.Principal cadre = Tokens.countyCadre();
        JsonPath p = assertProblem(upload(cadre, "fake.pdf", "<html>不是 PDF</html>".getBytes(StandardCharsets.UTF_8),
                "application/pdf"), 415);
        assertEquals(List.of("file"), p.getList("errors.field"));
        assertProblem(upload(cadre, "short.pdf", "%PD".getBytes(StandardCharsets.US_ASCII), "application/pdf"), 415);
        // The bytes decide: a PDF declared as a photo is a PDF.
        Response disguised = upload(cadre, "scan.jpg", TestPhotos.pdf(), "image/jpeg");
        assertEquals(201, disguised.statusCode(), disguised::asString);
        assertEquals("application/pdf", disguised.jsonPath().getString("contentType"));
    }

    @Test
    void aPdfOverItsOwnLimitIs413AndAPdfOverThePhotoLimitIsFine() {
        Tokens.Principal cadre = Tokens.countyCadre();
        byte[] pdf = TestPhotos.pdf();
        Response sixMb = upload(cadre, "big.pdf", Arrays.copyOf(pdf, 6 * 1024 * 1024), "application/pdf");
        assertEquals(201, sixMb.statusCode(), sixMb::asString);
        JsonPath p = assertProblem(upload(cadre, "huge.pdf", Arrays.copyOf(pdf, 10 * 1024 * 1024 + 1), "application/pdf"), 413);
        assertEquals("PDF 文件不能超过 10 MB", p.getString("detail"));
        assertEquals(List.of("file"), p.getList("errors.field"));
    }

    @Test
    void fileNamesLoseTheirPathAndControlCharacters() {
        assertEquals("a.pdf", MediaService.cleanFileName("/tmp/x/a.pdf"));
        assertEquals("a.pdf", MediaService.cleanFileName("..\\a.pdf"));
        assertEquals("ab.pdf", MediaService.cleanFileName("a\u0000\"b.pdf"));
        assertNull(MediaService.cleanFileName("  "));
        assertNull(MediaService.cleanFileName("dir/"));
        assertNull(MediaService.cleanFileName(null));
        String longName = "政".repeat(200) + ".pdf";
        String kept = MediaService.cleanFileName(longName);
        assertEquals(120, kept.codePointCount(0, kept.length()));
        assertTrue(kept.endsWith(".pdf"));
    }

    @Test
    void aMissingOrEmptyFileIs400() {
        Tokens.Principal farmer = farmer();
        assertInvalid(Api.unchecked().header("Authorization", "Bearer " + farmer.token())
                .multiPart("photo", "photo.jpg", TestPhotos.jpeg(), "image/jpeg").post("/api/media"), "file");
        assertInvalid(upload(farmer, "empty.jpg", new byte[0], "image/jpeg"), "file");
    }

    @Test
    void apiClientsCannotUpload() {
        assertProblem(upload(Tokens.demoClient("households:read"), "photo.jpg", TestPhotos.jpeg(), "image/jpeg"), 403);
    }

    @Test
    void onlyTheUploaderSeesAPhotoUntilItIsAttachedThenTheRegionsCadresToo() throws Throwable {
        Tokens.Principal owner = farmer();
        long id = uploaded(owner);
        Tokens.Principal otherFarmer = farmer();
        Tokens.Principal village = Tokens.cadre(Role.VILLAGE_CADRE, DemoData.VILLAGE);
        Tokens.Principal township = Tokens.cadre(Role.TOWNSHIP_CADRE, DemoData.TOWNSHIP);
        Tokens.Principal siblingVillage = Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI);
        Tokens.Principal otherCounty = Tokens.cadre(Role.COUNTY_CADRE, ZHONGYUAN);

        assertEquals(200, Api.as(owner).get("/api/media/{id}", id).statusCode());
        for (Tokens.Principal p : List.of(otherFarmer, village, township)) {
            notVisible(p, id);
        }

        attach(owner, List.of(id), DemoData.VILLAGE, "case:" + id);
        assertEquals(List.of(id), inTransaction(() -> media.attachedTo("case:" + id)));
        for (Tokens.Principal p : List.of(owner, village, township, Tokens.countyCadre(), Tokens.provinceCadre(),
                Tokens.cadre(Role.RESIDENT_CADRE, DemoData.VILLAGE))) {
            assertEquals(200, Api.as(p).get("/api/media/{id}", id).statusCode(), p::toString);
            assertEquals(200, Api.as(p).get("/api/media/{id}/info", id).statusCode(), p::toString);
        }
        for (Tokens.Principal p : List.of(otherFarmer, siblingVillage, otherCounty, Tokens.countyManager(),
                Tokens.demoClient("households:read"))) {
            notVisible(p, id);
        }
        // An id that does not exist is answered exactly like one the caller may not see.
        notVisible(owner, Long.MAX_VALUE);
    }

    private static void notVisible(Tokens.Principal p, long id) {
        JsonPath bytes = assertProblem(Api.as(p).get("/api/media/{id}", id), 404);
        assertEquals("未找到该照片，或无权查看", bytes.getString("detail"));
        JsonPath info = assertProblem(Api.as(p).get("/api/media/{id}/info", id), 404);
        assertEquals("未找到该照片，或无权查看", info.getString("detail"));
    }

    @Test
    void onlyTheUploadersUnusedPhotosCanBeAttached() throws Throwable {
        Tokens.Principal owner = farmer();
        Tokens.Principal other = farmer();
        long a = uploaded(owner);
        long b = uploaded(owner);
        long others = uploaded(other);
        String to = "case:test-" + Fixtures.marker();

        // Nothing to attach: nothing happens.
        attach(owner, List.of(), DemoData.VILLAGE, to);
        attach(owner, null, DemoData.VILLAGE, to);
        assertEquals(List.of(), inTransaction(() -> media.attachedTo(to)));

        // Someone else's photo, an unknown id, a repeated id: refused, and nothing of the batch is attached.
        for (List<Long> ids : List.of(List.of(a, others), List.of(a, Long.MAX_VALUE), List.of(a, a))) {
            refused(owner, ids, to);
        }
        assertEquals(List.of(), inTransaction(() -> media.attachedTo(to)));

        attach(owner, List.of(b, a), DemoData.VILLAGE, to);
        assertEquals(List.of(a, b), inTransaction(() -> media.attachedTo(to)));
        // Already used: refused, also for another record.
        refused(owner, List.of(a), "case:elsewhere-" + Fixtures.marker());
        assertEquals(List.of(), inTransaction(() -> media.attachedTo("case:none-" + Fixtures.marker())));
    }

    private void refused(Tokens.Principal owner, List<Long> ids, String to) {
        Throwable t = assertThrows(Throwable.class, () -> attach(owner, ids, DemoData.VILLAGE, to));
        ApiException e = assertInstanceOf(ApiException.class, t, () -> "not an ApiException: " + t);
        assertEquals(400, e.status());
        assertEquals("photoIds", e.errors().get(0).field());
        assertEquals("照片不存在、不是您上传的或已被使用", e.getMessage());
    }

    @TestFactory
    Stream<DynamicNode> securityMatrix() {
        Tokens.Principal owner = farmer();
        long id = uploaded(owner);
        try {
            attach(owner, List.of(id), DemoData.VILLAGE, "case:matrix-" + id);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        Tokens.Principal otherFarmer = farmer();
        Tokens.Principal siblingVillage = Tokens.cadre(Role.VILLAGE_CADRE, CHENGNEI);
        Tokens.Principal otherCounty = Tokens.cadre(Role.COUNTY_CADRE, ZHONGYUAN);
        Tokens.Principal client = Tokens.demoClient("households:read");
        return SecurityMatrix.of(
                SecurityMatrix.multipart("/api/media", "file", "photo.jpg", TestPhotos.jpeg(), "image/jpeg")
                        .accepts(owner, 201)
                        .refuses("client", client, 403),
                SecurityMatrix.get("/api/media/" + id)
                        .accepts(owner, 200)
                        .otherHousehold(otherFarmer, 404)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .wrongRole(Tokens.countyManager(), 404)
                        .refuses("client", client, 404),
                SecurityMatrix.get("/api/media/" + id + "/info")
                        .accepts(Tokens.villageCadre(), 200)
                        .otherHousehold(otherFarmer, 404)
                        .otherRegion(otherCounty, 404)
                        .parentRegion(siblingVillage, 404)
                        .wrongRole(Tokens.countyManager(), 404)
                        .refuses("client", client, 404));
    }
}
