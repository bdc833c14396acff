package org.dixian.ticket;

import jakarta.inject.Singleton;
import org.dixian.platform.security.RegionCodes;
import org.eclipse.microprofile.config.Config;

/**
 * The 12345 practice the ticket cycle follows (src-docs/tickets.md), in working days from the calendar:
 * accept within {@code dixian.tickets.accept-days} (1); handle within {@code dixian.tickets.handle-days} (15),
 * per category {@code dixian.tickets.categories.<CATEGORY>.handle-days}; the complainant may rate from
 * {@code rate-after} working days after the reply (1: the next working day) and an unrated reply closes
 * {@code auto-close-days} (3) working days after that; {@code max-extensions} (1) per ticket; tickets late by
 * more than {@code bulletin-after} (5) working days go on the level above's bulletin.
 * <p>
 * A singleton, not application-scoped: callers read its fields, and a field read through a client proxy would see
 * the proxy's zeros instead of the configured values.
 */
@Singleton
public class TicketRules {
    private final Config config;
    final int acceptDays;
    final int handleDays;
    final int rateAfter;
    final int autoCloseDays;
    final int maxExtensions;
    final int bulletinAfter;

    public TicketRules(Config config) {
        this.config = config;
        this.acceptDays = read("dixian.tickets.accept-days", 1);
        this.handleDays = read("dixian.tickets.handle-days", 15);
        this.rateAfter = read("dixian.tickets.rate-after", 1);
        this.autoCloseDays = read("dixian.tickets.auto-close-days", 3);
        this.maxExtensions = read("dixian.tickets.max-extensions", 1);
        this.bulletinAfter = read("dixian.tickets.bulletin-after", 5);
    }

    int handleDays(TicketCategory category) {
        return read("dixian.tickets.categories." + category.name() + ".handle-days", handleDays);
    }

    private int read(String key, int fallback) {
        int days = config.getOptionalValue(key, Integer.class).orElse(fallback);
        if (days < 0 || days > 90) {
            throw new IllegalStateException(key + " must be between 0 and 90 working days, not " + days);
        }
        return days;
    }

    /**
     * The unit that accepts a ticket about a region: the township for a village or township matter, the region
     * itself above that (a county-wide matter is accepted by the county).
     */
    static String acceptingUnit(String regionCode) {
        return RegionCodes.level(regionCode) >= 4 ? RegionCodes.ancestorAt(regionCode, 4) : regionCode;
    }
}
