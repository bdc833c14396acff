package org.dixian.cases;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working-day limits of the identification chain's stages, by province. The defaults (入户核实 2, 村评议 1, 公示 5,
 * 乡审核 1, 县审定 1 = 10 working days, 14 calendar days when no holiday falls inside) keep national practice's "from
 * discovery to decision within 15 days"; the 公示 of 5 working days is the seeds' default. A province overrides any
 * of them with {@code dixian.cases.provinces.<2-digit code>.<stage>}, e.g. {@code dixian.cases.provinces.41.public-notice=7}.
 */
@ApplicationScoped
public class StageLimits {
    public record Limits(int visit, int villageReview, int publicNotice, int townshipReview, int countyApproval) {
        /** The working days for a stage that has a deadline; 0 for closed stages. */
        int of(CaseStage stage) {
            return switch (stage) {
                case VISIT -> visit;
                case VILLAGE_REVIEW -> villageReview;
                case PUBLIC_NOTICE -> publicNotice;
                case TOWNSHIP_REVIEW -> townshipReview;
                case COUNTY_APPROVAL -> countyApproval;
                default -> 0;
            };
        }
    }

    private final Config config;
    private final Limits defaults;
    private final Map<String, Limits> byProvince = new ConcurrentHashMap<>();

    public StageLimits(Config config) {
        this.config = config;
        this.defaults = new Limits(read("dixian.cases.limits.visit", 2), read("dixian.cases.limits.village-review", 1),
                read("dixian.cases.limits.public-notice", 5), read("dixian.cases.limits.township-review", 1),
                read("dixian.cases.limits.county-approval", 1));
    }

    /** The limits that apply to a case of the given region (its province's, else the defaults). */
    public Limits of(String regionCode) {
        return byProvince.computeIfAbsent(regionCode.substring(0, 2), p -> {
            String prefix = "dixian.cases.provinces." + p + ".";
            return new Limits(read(prefix + "visit", defaults.visit), read(prefix + "village-review", defaults.villageReview),
                    read(prefix + "public-notice", defaults.publicNotice), read(prefix + "township-review", defaults.townshipReview),
                    read(prefix + "county-approval", defaults.countyApproval));
        });
    }

    private int read(String key, int fallback) {
        int days = config.getOptionalValue(key, Integer.class).orElse(fallback);
        if (days < 0 || days > 60) {
            throw new IllegalStateException(key + " must be between 0 and 60 working days, not " + days);
        }
        return days;
    }
}
