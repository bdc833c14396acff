import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load generator for the household registry, dependency-free (run as {@code java bench/Load.java ...}).
 *
 * <pre>
 * java bench/Load.java &lt;search|detail|window|all&gt; &lt;base-url&gt; [concurrency=200] [seconds=20] [max-requests=1000000]
 * </pre>
 *
 * Each scenario keeps at most {@code concurrency} requests in flight, stops after {@code seconds} or
 * {@code max-requests} (whichever comes first) and prints throughput, latency percentiles, transport errors and
 * non-2xx answers, plus one machine-readable {@code RESULT} line. Only 127.0.0.1 / localhost targets are accepted.
 *
 * <ul>
 * <li>{@code search}: county cadre (dev account 3, 兰考县) lists households with region = random township or
 *     village of 410225 plus one rotating extra filter (none, category, riskType, head-name prefix), limit 20.</li>
 * <li>{@code detail}: county cadre opens random households whose ids come from a first search sweep.</li>
 * <li>{@code window}: 农户视窗. Township cadre (dev account 4, 堌阳镇) reveals the head's ID number and phone of a
 *     few households, fresh farmers ({@code bench-<n>} via the fake WeChat server) bind to them (bind latency is
 *     printed, sequential), then the farmers read GET /api/households/{id}, /timeline and /viewers.</li>
 * </ul>
 */
public class Load {

    static final String[] CATEGORIES = {"GENERAL", "LIFTED", "MONITORED"};
    static final String[] RISKS = {"ILLNESS", "DISABILITY", "EDUCATION", "DISASTER", "ACCIDENT", "INDUSTRY_FAILURE",
            "UNSTABLE_EMPLOYMENT", "LABOR_SHORTAGE", "HOUSING", "DROPOUT", "WATER", "EXPENDITURE_OR_INCOME_DROP", "OTHER"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"};
    static final String COUNTY = "410225000000";
    static final String TOWNSHIP = "410225101000";
    static final int FARMERS = Integer.getInteger("farmers", 30);

    static HttpClient client;
    static String base;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java bench/Load.java <search|detail|window|all> <base-url> [concurrency=200] [seconds=20] [max-requests=1000000]");
            System.exit(2);
        }
        String scenario = args[0];
        base = args[1].replaceAll("/+$", "");
        String host = URI.create(base).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            System.err.println("refusing to load a host other than 127.0.0.1: " + host);
            System.exit(2);
        }
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int maxRequests = args.length > 4 ? Integer.parseInt(args[4]) : 1_000_000;
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, r -> { Thread t = new Thread(r, "load"); t.setDaemon(true); return t; }))
                .build();

        String county = devLogin(3);
        List<String> regions = regions(county);
        boolean all = scenario.equals("all");
        if (all || scenario.equals("search")) {
            run("search", concurrency, seconds, maxRequests, () -> get(searchUrl(regions), county));
        }
        if (all || scenario.equals("detail")) {
            List<Long> ids = sweepIds(county, 5000);
            System.out.printf("detail: %d household ids from the search sweep%n", ids.size());
            run("detail", concurrency, seconds, maxRequests,
                    () -> get("/api/households/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())), county));
        }
        if (all || scenario.equals("window")) {
            List<String[]> farmers = bindFarmers();
            if (farmers.isEmpty()) {
                System.out.println("RESULT scenario=window skipped=no-bound-farmer");
            } else {
                AtomicInteger k = new AtomicInteger();
                String[] suffix = {"", "/timeline", "/viewers"};
                run("window", concurrency, seconds, maxRequests, () -> {
                    int i = k.getAndIncrement();
                    String[] f = farmers.get((i / 3) % farmers.size());
                    return get("/api/households/" + f[0] + suffix[i % 3], f[1]);
                });
            }
        }
        System.exit(0);
    }

    static String searchUrl(List<String> regions) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder u = new StringBuilder("/api/households?limit=20&region=").append(regions.get(r.nextInt(regions.size())));
        switch (r.nextInt(4)) {
            case 1 -> u.append("&category=").append(CATEGORIES[r.nextInt(CATEGORIES.length)]);
            case 2 -> u.append("&riskType=").append(RISKS[r.nextInt(RISKS.length)]);
            case 3 -> u.append("&name=").append(enc(SURNAMES[r.nextInt(SURNAMES.length)]));
            default -> { }
        }
        return u.toString();
    }

    /** Runs one scenario and prints its figures. */
    static void run(String name, int concurrency, int seconds, int maxRequests,
                    Supplier<HttpRequest> next) throws InterruptedException {
        // Warm-up: a short burst so the first figures are not JIT compilation of the client and server.
        Semaphore slots = new Semaphore(concurrency);
        for (int i = 0; i < Math.min(2000, maxRequests); i++) {
            slots.acquire();
            client.sendAsync(next.get(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> slots.release());
        }
        slots.acquire(concurrency);
        slots.release(concurrency);

        long[] latencies = new long[maxRequests];
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        AtomicLong firstNon2xx = new AtomicLong(-1);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        int sent = 0;
        while (sent < maxRequests && System.nanoTime() < deadline) {
            if (!slots.tryAcquire(50, TimeUnit.MILLISECONDS)) continue;
            sent++;
            long t0 = System.nanoTime();
            CompletableFuture<HttpResponse<Void>> f = client.sendAsync(next.get(), HttpResponse.BodyHandlers.discarding());
            f.whenComplete((resp, e) -> {
                long dt = System.nanoTime() - t0;
                if (e != null) errors.incrementAndGet();
                else {
                    if (resp.statusCode() / 100 != 2) {
                        non2xx.incrementAndGet();
                        firstNon2xx.compareAndSet(-1, resp.statusCode());
                    }
                    int i = recorded.getAndIncrement();
                    if (i < latencies.length) latencies[i] = dt;
                }
                slots.release();
            });
        }
        slots.acquire(concurrency);
        double elapsed = (System.nanoTime() - start) / 1e9;
        int n = Math.min(recorded.get(), latencies.length);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        double rps = n / elapsed;
        System.out.printf(Locale.ROOT, "%s: %d requests in %.1f s at concurrency %d = %.0f req/s; latency ms p50 %.1f  p95 %.1f  p99 %.1f  max %.1f; errors %d, non-2xx %d%s%n",
                name, n, elapsed, concurrency, rps, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                n == 0 ? 0.0 : sorted[n - 1] / 1e6, errors.get(), non2xx.get(),
                firstNon2xx.get() < 0 ? "" : " (first non-2xx status " + firstNon2xx.get() + ")");
        System.out.printf(Locale.ROOT, "RESULT scenario=%s requests=%d seconds=%.1f concurrency=%d rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d non2xx=%d%n",
                name, n, elapsed, concurrency, rps, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                n == 0 ? 0.0 : sorted[n - 1] / 1e6, errors.get(), non2xx.get());
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
