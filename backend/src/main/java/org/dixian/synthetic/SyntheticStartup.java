package org.dixian.synthetic;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Fills an empty household registry with synthetic data when {@code dixian.synthetic.size} is set (dev:
 * {@code demo}). Runs after the regions (priority 10) and demo accounts (20); the load itself runs on its
 * own thread so start-up is not held up by a province-sized load.
 */
@ApplicationScoped
public class SyntheticStartup {
    private static final Logger LOG = Logger.getLogger(SyntheticStartup.class);

    private final SyntheticLoader loader;
    private final Optional<String> size;
    private final long seed;
    private final boolean baseline;

    public SyntheticStartup(SyntheticLoader loader,
                            @ConfigProperty(name = "dixian.synthetic.size") Optional<String> size,
                            @ConfigProperty(name = "dixian.synthetic.seed", defaultValue = "20210101") long seed,
                            @ConfigProperty(name = "dixian.synthetic.baseline", defaultValue = "true") boolean baseline) {
        this.loader = loader;
        this.size = size;
        this.seed = seed;
        this.baseline = baseline;
    }

    void onStart(@Observes @Priority(30) StartupEvent ev) {
        if (size.isEmpty() || size.get().isBlank() || size.get().equalsIgnoreCase("none")) {
            return;
        }
        SyntheticSize chosen = SyntheticSize.parse(size.get());
        if (!loader.householdTableEmpty()) {
            LOG.infof("Synthetic data (%s) skipped: the household table is not empty", chosen);
            return;
        }
        Thread t = new Thread(() -> run(chosen), "synthetic-data");
        t.setDaemon(true);
        t.start();
    }

    private void run(SyntheticSize chosen) {
        try {
            SyntheticLoader.Report r = loader.load(chosen, seed, baseline);
            LOG.infof("Synthetic staff: %d village cadre accounts, %d helpers, %d helper pairings in %.1f s",
                    r.staff().cadres(), r.staff().helpers(), r.staff().pairings(), r.staffMillis() / 1000.0);
            LOG.infof("Synthetic data loaded (%s, seed %d): %d households, %d members, %d incomes in %.1f s "
                            + "= %.0f households/s, %.0f members/s (generation + encryption %.1f s, COPY %.1f s, "
                            + "summed over %d threads)",
                    r.size(), r.seed(), r.households(), r.members(), r.incomes(), r.millis() / 1000.0,
                    r.householdsPerSecond(), r.membersPerSecond(), r.generateMillis() / 1000.0,
                    r.copyMillis() / 1000.0, r.threads());
            if (r.baseline() != null) {
                SyntheticLoader.Baseline b = r.baseline();
                LOG.infof("Synthetic data baseline: plain COPY of the same rendered rows (%d households, %d members, "
                                + "%d incomes; unlogged, no indexes) in %.1f s = %.0f households/s, %.0f members/s; "
                                + "generator rate / plain COPY rate = %.3f",
                        b.households(), b.members(), b.incomes(), b.millis() / 1000.0, b.householdsPerSecond(),
                        b.membersPerSecond(), r.ratioToPlainCopy());
            }
        } catch (RuntimeException e) {
            LOG.error("Synthetic data load failed", e);
        }
    }
}
