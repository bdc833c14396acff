import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identification chain walked through end to end under load: for each household of the input, the village's
 * cadre opens a case (screening) and records the home visit, the village review passes it, the notice is closed
 * (the backend runs with a public notice of 0 working days), the township and the county pass it — six writes,
 * the last one making the household a monitoring object. <concurrency> chains run at once; prints chains/s,
 * steps/s and the per-chain and per-step latencies.
 * Usage: java bench/Chain.java <base-url> <households file: "householdId villageCadreAccountId" per line> <concurrency>
 */
public class Chain {
    static final long TOWNSHIP_CADRE = 4, COUNTY_CADRE = 3;
    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    static final Pattern ID = Pattern.compile("^\\{\\s*\"id\"\\s*:\\s*(\\d+)");
    static final String[] STEPS = {"open", "visit", "village-review", "notice/close", "township-review", "county-approval"};

    static HttpClient client;
    static String base;
    static final Map<Long, String> tokens = new ConcurrentHashMap<>();
    static final List<List<Long>> perStep = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java bench/Chain.java <base-url> <households-file> <concurrency>");
            System.exit(2);
        }
        base = args[0].replaceAll("/+$", "");
        String host = URI.create(base).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            System.err.println("refusing to load a host other than 127.0.0.1: " + host);
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        int concurrency = Integer.parseInt(args[2]);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        for (int i = 0; i < STEPS.length; i++) {
            perStep.add(java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        token(TOWNSHIP_CADRE);
        token(COUNTY_CADRE);
        ConcurrentLinkedQueue<long[]> queue = new ConcurrentLinkedQueue<>();
        for (String l : lines) {
            String[] f = l.trim().split("\\s+");
            long village = Long.parseLong(f[1]);
            token(village);
            queue.add(new long[] {Long.parseLong(f[0]), village});
        }
        List<Long> chainNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        List<String> firstFailures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.submit(() -> {
                long[] next;
                while ((next = queue.poll()) != null) {
                    long t0 = System.nanoTime();
                    try {
                        walk(next[0], tokens.get(next[1]));
                        chainNanos.add(System.nanoTime() - t0);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        if (firstFailures.size() < 3) {
                            firstFailures.add(e.getMessage());
                        }
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.HOURS);
        double secs = (System.nanoTime() - start) / 1e9;
        long[] c = chainNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "RESULT scenario=chain chains=%d failures=%d seconds=%.1f chains_per_s=%.1f steps_per_s=%.1f"
                        + " chain_p50=%.1f chain_p95=%.1f chain_p99=%.1f%n",
                c.length, failures.get(), secs, c.length / secs, c.length * STEPS.length / secs,
                ms(c, 0.5), ms(c, 0.95), ms(c, 0.99));
        for (int i = 0; i < STEPS.length; i++) {
            long[] s = perStep.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "RESULT scenario=step-%s n=%d p50=%.1f p95=%.1f p99=%.1f%n",
                    STEPS[i], s.length, ms(s, 0.5), ms(s, 0.95), ms(s, 0.99));
        }
        firstFailures.forEach(f -> System.out.println("failure: " + f));
        System.exit(0);
    }

    static void walk(long household, String village) throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String c = step(0, "/api/cases", "{\"householdId\":" + household
                + ",\"source\":\"SCREENING\",\"riskTypes\":[\"ILLNESS\"],\"description\":\"排查发现因病支出较大\"}", village, 201);
        Matcher id = ID.matcher(c);
        if (!id.find()) {
            throw new IllegalStateException("no case id: " + c);
        }
        String path = "/api/cases/" + id.group(1) + "/";
        c = step(1, path + "visit", "{\"version\":" + version(c) + ",\"perCapitaIncome\":5200,\"foodAndClothing\":true,"
                + "\"education\":true,\"medical\":false,\"housing\":true,\"drinkingWater\":true,\"riskTypes\":[\"ILLNESS\"],"
                + "\"findings\":\"因病自付医疗费用较多\",\"latitude\":34.8,\"longitude\":114.8,\"accuracy\":20}", village, 200);
        c = step(2, path + "village-review", "{\"version\":" + version(c) + ",\"meetingDate\":\"" + today
                + "\",\"participants\":21,\"decision\":\"PASS\",\"opinion\":\"评议通过\"}", village, 200);
        c = step(3, path + "notice/close", "{\"version\":" + version(c) + "}", village, 200);
        c = step(4, path + "township-review", "{\"version\":" + version(c) + ",\"decision\":\"PASS\"}", tokens.get(TOWNSHIP_CADRE), 200);
        step(5, path + "county-approval", "{\"version\":" + version(c) + ",\"decision\":\"PASS\",\"monitoringType\":\"MARGINAL\"}",
                tokens.get(COUNTY_CADRE), 200);
    }

    static String step(int n, String path, String json, String token, int expect) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        long t0 = System.nanoTime();
        HttpResponse<String> res = client.send(r, HttpResponse.BodyHandlers.ofString());
        perStep.get(n).add(System.nanoTime() - t0);
        if (res.statusCode() != expect) {
            throw new IllegalStateException(STEPS[n] + " " + res.statusCode() + ": " + res.body());
        }
        return res.body();
    }

    static String version(String json) {
        Matcher m = VERSION.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no version: " + json);
        }
        return m.group(1);
    }

    static String token(long account) {
        return tokens.computeIfAbsent(account, a -> {
            try {
                HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/auth/dev/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"accountId\":" + a + "}")).build();
                String body = client.send(r, HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
                if (!m.find()) {
                    throw new IllegalStateException("dev login of " + a + " failed: " + body);
                }
                return m.group(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
