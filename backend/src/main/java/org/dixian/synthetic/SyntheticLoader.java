package org.dixian.synthetic;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.crypto.BlindIndex;
import org.dixian.platform.crypto.FieldCipher;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads synthetic households, members and incomes through PostgreSQL COPY on the JDBC datasource. Blocking:
 * call it from a worker or start-up thread, never from the Vert.x event loop. A bulk loader works on the
 * tables directly (the household feature's service would cost one round trip per row).
 */
@ApplicationScoped
public class SyntheticLoader {
    private static final Logger LOG = Logger.getLogger(SyntheticLoader.class);
    /** JDBC pool is small (quarkus.datasource.jdbc.max-size=4): keep one connection for others. */
    private static final int MAX_THREADS = 3;
    /** Rendered chunks kept for the plain-COPY baseline. */
    private static final long BASELINE_CAPTURE_BYTES = 96L << 20;

    private final AgroalDataSource dataSource;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final LocalDate asOf;

    public SyntheticLoader(AgroalDataSource dataSource, FieldCipher cipher, BlindIndex index,
                           @ConfigProperty(name = "dixian.synthetic.as-of", defaultValue = "2026-06-30") LocalDate asOf) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.index = index;
        this.asOf = asOf;
    }

    /** Rates of one load and, when asked for, of the plain COPY of the same rows. */
    public record Report(SyntheticSize size, long seed, long firstId, int households, long members, long incomes,
                         long millis, long generateMillis, long copyMillis, int threads, Baseline baseline,
                         SyntheticStaff.Counts staff, long staffMillis) {
        public double householdsPerSecond() {
            return households * 1000.0 / Math.max(1, millis);
        }

        public double membersPerSecond() {
            return members * 1000.0 / Math.max(1, millis);
        }

        /** Generator rate / plain COPY rate, in rows of all three tables per second. */
        public double ratioToPlainCopy() {
            if (baseline == null) {
                return Double.NaN;
            }
            double ours = (households + members + incomes) * 1000.0 / Math.max(1, millis);
            return ours / baseline.rowsPerSecond();
        }
    }

    /** A plain COPY of already rendered rows into unlogged tables without indexes or foreign keys. */
    public record Baseline(long households, long members, long incomes, long millis) {
        public double householdsPerSecond() {
            return households * 1000.0 / Math.max(1, millis);
        }

        public double membersPerSecond() {
            return members * 1000.0 / Math.max(1, millis);
        }

        public double rowsPerSecond() {
            return (households + members + incomes) * 1000.0 / Math.max(1, millis);
        }
    }

    public boolean householdTableEmpty() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select not exists (select 1 from household)")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The size's real villages (level 5), ordered by code, with their townships' names. */
    public List<Village> villages(SyntheticSize size) {
        String sql = "select v.code, v.name, t.name from region v join region t on t.code = v.parent_code "
                + "where v.level = 5 and v.code like ? order by v.code limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, size.prefix + "%");
            ps.setInt(2, size.maxVillages);
            List<Village> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Village(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public HouseholdGenerator generator() {
        return new HouseholdGenerator(asOf);
    }

    /** Generates and loads the size's households; with {@code baseline}, then times a plain COPY of the same rows. */
    public Report load(SyntheticSize size, long seed, boolean baseline) {
        List<Village> villages = villages(size);
        SyntheticPlan plan = SyntheticPlan.of(villages, size.households, seed);
        int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        LOG.infof("Synthetic data: generating %d households in %d villages (%s, seed %d) on %d threads",
                plan.households(), plan.chunks().stream().mapToInt(ch -> ch.villages().size()).sum(), size, seed,
                threads);
        long started = System.nanoTime();
        long firstId = reserveHouseholdIds(plan.households());
        HouseholdGenerator generator = generator();
        CopyRows rows = new CopyRows(cipher, index);
        AtomicInteger next = new AtomicInteger();
        AtomicLong members = new AtomicLong();
        AtomicLong incomes = new AtomicLong();
        AtomicLong generateNanos = new AtomicLong();
        AtomicLong copyNanos = new AtomicLong();
        List<CopyRows.Rendered> captured = new ArrayList<>();
        AtomicLong capturedBytes = new AtomicLong();
        AtomicLong done = new AtomicLong();
        runOnThreads(threads, "synthetic-load", copy -> {
            for (int i = next.getAndIncrement(); i < plan.chunks().size(); i = next.getAndIncrement()) {
                long t0 = System.nanoTime();
                CopyRows.Rendered r = rows.render(generator.generate(plan.chunks().get(i), firstId));
                long t1 = System.nanoTime();
                copy.write(r, "household", "member", "household_income");
                generateNanos.addAndGet(t1 - t0);
                copyNanos.addAndGet(System.nanoTime() - t1);
                members.addAndGet(r.memberRows());
                incomes.addAndGet(r.incomeRows());
                if (baseline && capturedBytes.addAndGet(r.bytes()) <= BASELINE_CAPTURE_BYTES) {
                    synchronized (captured) {
                        captured.add(r);
                    }
                }
                long n = done.addAndGet(r.householdRows());
                if (n / 200_000 != (n - r.householdRows()) / 200_000) {
                    LOG.infof("Synthetic data: %d of %d households", n, plan.households());
                }
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        // Cadres and helpers come after the households (helpers follow the supported households); timed apart,
        // so the household rate stays comparable with the plain COPY of the same rows.
        long staffStarted = System.nanoTime();
        SyntheticStaff.Counts staff = new SyntheticStaff(dataSource, cipher, index)
                .load(villages, seed, firstId, firstId + plan.households() - 1);
        long staffMillis = (System.nanoTime() - staffStarted) / 1_000_000;
        Baseline base = baseline && !captured.isEmpty()
                ? plainCopy(captured, plan.households(), threads) : null;
        return new Report(size, seed, firstId, plan.households(), members.get(), incomes.get(), millis,
                generateNanos.get() / 1_000_000, copyNanos.get() / 1_000_000, threads, base, staff, staffMillis);
    }

    /**
     * Takes {@code n} ids from the household identity sequence in one step, so COPY can write them and later
     * inserts through the API continue after them. The table lock keeps concurrent inserts from drawing an id
     * between nextval and setval.
     */
    long reserveHouseholdIds(int n) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("lock table household in share row exclusive mode");
                long first;
                try (ResultSet rs = s.executeQuery("select nextval(pg_get_serial_sequence('household', 'id'))")) {
                    rs.next();
                    first = rs.getLong(1);
                }
                if (n > 1) {
                    s.execute("select setval(pg_get_serial_sequence('household', 'id'), " + (first + n - 1) + ")");
                }
                c.commit();
                return first;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replays the captured rendered chunks, as often as needed for the same household count. */
    private Baseline plainCopy(List<CopyRows.Rendered> captured, int households, int threads) {
        String[] tables = {"synthetic_plain_household", "synthetic_plain_member", "synthetic_plain_income"};
        execute("drop table if exists " + String.join(", ", tables),
                "create unlogged table synthetic_plain_household (like household including defaults including identity)",
                "create unlogged table synthetic_plain_member (like member including defaults including identity)",
                "create unlogged table synthetic_plain_income (like household_income including defaults)");
        AtomicInteger next = new AtomicInteger();
        AtomicLong h = new AtomicLong();
        AtomicLong m = new AtomicLong();
        AtomicLong in = new AtomicLong();
        long started = System.nanoTime();
        try {
            runOnThreads(threads, "synthetic-baseline", copy -> {
                while (true) {
                    CopyRows.Rendered r = captured.get(next.getAndIncrement() % captured.size());
                    if (h.addAndGet(r.householdRows()) - r.householdRows() >= households) {
                        h.addAndGet(-r.householdRows());
                        return;
                    }
                    copy.write(r, tables[0], tables[1], tables[2]);
                    m.addAndGet(r.memberRows());
                    in.addAndGet(r.incomeRows());
                }
            });
            return new Baseline(h.get(), m.get(), in.get(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            execute("drop table if exists " + String.join(", ", tables));
        }
    }

    /** COPY of one rendered chunk into three tables, committed together. */
    interface Copier {
        void write(CopyRows.Rendered r, String householdTable, String memberTable, String incomeTable)
                throws SQLException, IOException;
    }

    interface Work {
        void run(Copier copy) throws SQLException, IOException;
    }

    private void runOnThreads(int threads, String name, Work work) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        c.setAutoCommit(false);
                        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                        work.run((r, ht, mt, it) -> {
                            copy.copyIn("copy " + ht + " (" + CopyRows.HOUSEHOLD_COLUMNS + ") from stdin",
                                    new ByteArrayInputStream(r.households()));
                            copy.copyIn("copy " + mt + " (" + CopyRows.MEMBER_COLUMNS + ") from stdin",
                                    new ByteArrayInputStream(r.members()));
                            copy.copyIn("copy " + it + " (" + CopyRows.INCOME_COLUMNS + ") from stdin",
                                    new ByteArrayInputStream(r.incomes()));
                            c.commit();
                        });
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("synthetic data load interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("synthetic data load failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private void execute(String... statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
