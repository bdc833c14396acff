import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares the household load scenarios for wrk, dependency-free (run as {@code java bench/Prepare.java ...}).
 *
 * <pre>
 * java bench/Prepare.java &lt;base-url&gt; &lt;out-dir&gt; [requests-per-file=20000]
 * </pre>
 *
 * Logs in through the real API and writes one file per scenario into {@code out-dir}, each line
 * {@code <path> TAB <bearer token or ->}; {@code bench/wrk/paths.lua} replays random lines. Only 127.0.0.1 /
 * localhost targets are accepted. The choice of requests is seeded, so two runs on the same data ask the same.
 *
 * <ul>
 * <li>{@code floor.txt}: the unauthenticated liveness probe: the HTTP stack's own ceiling on this machine.</li>
 * <li>{@code search.txt}: county cadre (dev account 3, 兰考县) lists households with region = random township or
 *     village of 410225 plus one rotating extra filter (none, category, riskType, head-name prefix), limit 20
 *     (the same rotation as {@code bench/sql/search.sql}).</li>
 * <li>{@code detail.txt}: the county cadre opens random households whose ids come from a search sweep.</li>
 * <li>{@code declarants.txt}, {@code villages.txt}: tokens of fresh unbound farmers and the county's village
 *     codes, for the declaration benchmark ({@code bench/declarations.sh}).</li>
 * <li>{@code window.txt}: 农户视窗. The township cadre (dev account 4, 堌阳镇) reveals the head's ID number and
 *     phone of a few households, fresh farmers ({@code bench-<n>} via the fake WeChat server) bind to them
 *     (bind latency is printed, sequential), then the farmers read GET /api/households/{id}, /timeline and
 *     /viewers in turn.</li>
 * </ul>
 */
public class Prepare {

    static final String[] CATEGORIES = {"GENERAL", "LIFTED", "MONITORED"};
    static final String[] RISKS = {"ILLNESS", "DISABILITY", "EDUCATION", "DISASTER", "ACCIDENT", "INDUSTRY_FAILURE",
            "UNSTABLE_EMPLOYMENT", "LABOR_SHORTAGE", "HOUSING", "DROPOUT", "WATER", "EXPENDITURE_OR_INCOME_DROP", "OTHER"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"};
    static final String COUNTY = "410225000000";
    static final String TOWNSHIP = "410225101000";
    static final int FARMERS = Integer.getInteger("farmers", 30);
    static final int DECLARANTS = Integer.getInteger("declarants", 200);

    static HttpClient client;
    static String base;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java bench/Prepare.java <base-url> <out-dir> [requests-per-file=20000]");
            System.exit(2);
        }
        base = args[0].replaceAll("/+$", "");
        String host = URI.create(base).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            System.err.println("refusing to load a host other than 127.0.0.1: " + host);
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(42);

        write(out.resolve("floor.txt"), List.of("/q/health/live\t-"));

        String county = devLogin(3);
        List<String> regions = regions(county);
        List<String> search = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            search.add(searchPath(regions, random) + "\t" + county);
        }
        write(out.resolve("search.txt"), search);

        List<Long> ids = sweepIds(county, 5000);
        System.out.printf("detail: %d household ids from the search sweep%n", ids.size());
        List<String> detail = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            detail.add("/api/households/" + ids.get(random.nextInt(ids.size())) + "\t" + county);
        }
        write(out.resolve("detail.txt"), detail);

        List<String[]> farmers = bindFarmers();
        List<String> window = new ArrayList<>();
        for (String[] f : farmers) {
            for (String suffix : new String[] {"", "/timeline", "/viewers"}) {
                window.add("/api/households/" + f[0] + suffix + "\t" + f[1]);
            }
        }
        write(out.resolve("window.txt"), window);

        // Declarations: fresh unbound farmers (fake WeChat logins) and the county's villages, combined by
        // bench/wrk/declare.lua so that no farmer declares twice for one village.
        List<String> villages = regions.stream().filter(c -> !c.endsWith("000")).toList();
        write(out.resolve("villages.txt"), villages);
        List<String> declarants = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000);
        for (int i = 0; i < DECLARANTS; i++) {
            declarants.add(accessToken(call(post("/auth/wechat/login", "{\"code\":\"decl-" + run + "-" + i + "\"}", null))));
        }
        write(out.resolve("declarants.txt"), declarants);
        System.out.printf("declare: %d farmers x %d villages%n", declarants.size(), villages.size());
        System.exit(0);
    }

    static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static String searchPath(List<String> regions, Random r) {
        StringBuilder u = new StringBuilder("/api/households?limit=20&region=").append(regions.get(r.nextInt(regions.size())));
        switch (r.nextInt(4)) {
            case 1 -> u.append("&category=").append(CATEGORIES[r.nextInt(CATEGORIES.length)]);
            case 2 -> u.append("&riskType=").append(RISKS[r.nextInt(RISKS.length)]);
            case 3 -> u.append("&name=").append(enc(SURNAMES[r.nextInt(SURNAMES.length)]));
            default -> { }
        }
        return u.toString();
    }

    static double ms(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    // --- setup calls (sequential) ---

    static List<String> regions(String token) throws Exception {
        List<String> out = new ArrayList<>();
        for (String township : codes(call(get("/api/regions/" + COUNTY + "/children", token)))) {
            out.add(township);
            out.addAll(codes(call(get("/api/regions/" + township + "/children", token))));
        }
        System.out.printf("search: %d townships and villages of %s%n", out.size(), COUNTY);
        if (out.isEmpty()) throw new IllegalStateException("no regions under " + COUNTY);
        return out;
    }

    static List<String> codes(String json) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"code\"\\s*:\\s*\"(\\d{12})\"").matcher(json);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static List<Long> sweepIds(String token, int max) throws Exception {
        List<Long> ids = new ArrayList<>();
        Long after = null;
        while (ids.size() < max) {
            String page = call(get("/api/households?limit=200" + (after == null ? "" : "&after=" + after), token));
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(page);
            while (m.find()) ids.add(Long.parseLong(m.group(1)));
            Matcher next = Pattern.compile("\"nextAfter\"\\s*:\\s*(\\d+)").matcher(page);
            if (!next.find()) break;
            after = Long.parseLong(next.group(1));
        }
        if (ids.isEmpty()) throw new IllegalStateException("the search sweep found no household");
        return ids;
    }

    /** Returns [householdId, farmer token] pairs for farmers that bound successfully. */
    static List<String[]> bindFarmers() throws Exception {
        String township = devLogin(4);
        String page = call(get("/api/households?limit=" + FARMERS + "&region=" + TOWNSHIP, township));
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(page);
        List<String[]> out = new ArrayList<>();
        List<Long> bindNanos = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000);
        int n = 0;
        String firstFailure = null;
        while (m.find()) {
            String hh = m.group(1);
            try {
                String detail = call(get("/api/households/" + hh, township));
                Matcher head = Pattern.compile("\"id\"\\s*:\\s*(\\d+)\\s*,\\s*\"name\"\\s*:\\s*\"([^\"]*)\"[^{}]*?\"relation\"\\s*:\\s*\"HEAD\"").matcher(detail);
                if (!head.find()) continue;
                String memberId = head.group(1), name = head.group(2);
                String idNumber = value(call(post("/api/households/" + hh + "/reveal",
                        "{\"field\":\"ID_NUMBER\",\"memberId\":" + memberId + ",\"reason\":\"性能测试绑定\"}", township)));
                String phone;
                try {
                    phone = value(call(post("/api/households/" + hh + "/reveal",
                            "{\"field\":\"PHONE\",\"memberId\":" + memberId + ",\"reason\":\"性能测试绑定\"}", township)));
                } catch (IllegalStateException noPhone) {
                    phone = null;
                }
                String farmer = accessToken(call(post("/auth/wechat/login", "{\"code\":\"bench-" + run + "-" + (n++) + "\"}", null)));
                String body = "{\"name\":\"" + name + "\",\"idNumber\":\"" + idNumber + "\""
                        + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}";
                long t0 = System.nanoTime();
                String bound = accessToken(call(post("/api/me/household/bind", body, farmer)));
                bindNanos.add(System.nanoTime() - t0);
                out.add(new String[] {hh, bound});
            } catch (IllegalStateException e) {
                if (firstFailure == null) firstFailure = e.getMessage();
            }
        }
        long[] b = bindNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "window: %d farmers bound (bind latency, sequential: p50 %.1f ms, max %.1f ms)%s%n",
                out.size(), ms(b, 0.5), b.length == 0 ? 0.0 : b[b.length - 1] / 1e6,
                firstFailure == null ? "" : "; first failure: " + firstFailure);
        return out;
    }

    static String value(String json) {
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) throw new IllegalStateException("no value in " + json);
        return m.group(1);
    }

    static String devLogin(long account) throws Exception {
        return accessToken(call(post("/auth/dev/login", "{\"accountId\":" + account + "}", null)));
    }

    static String accessToken(String json) {
        Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) throw new IllegalStateException("no accessToken in " + json);
        return m.group(1);
    }

    static HttpRequest get(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.build();
    }

    static HttpRequest post(String path, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.build();
    }

    static String call(HttpRequest request) throws Exception {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " -> " + r.statusCode()
                    + " " + r.body().substring(0, Math.min(300, r.body().length())));
        }
        return r.body();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
