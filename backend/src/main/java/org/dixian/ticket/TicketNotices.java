package org.dixian.ticket;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.notification.Notifications;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;

import java.util.List;

/**
 * Who is told at each step of the cycle: the unit that must act (the accepting unit when a ticket arrives, the
 * handling unit when it is given one or it is sent back), the level above it (extensions, late tickets), and the
 * complainant (accepted, refused, replied). Runs in the caller's transaction, so a notice is written exactly when
 * its step is.
 */
@ApplicationScoped
public class TicketNotices {
    private final Notifications notifications;

    public TicketNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The roles that act for a unit: a village's cadres, information officers and resident cadres; above, the cadres. */
    static List<Role> unitRoles(String region) {
        return switch (RegionCodes.level(region)) {
            case 1 -> List.of(Role.PROVINCE_CADRE);
            case 2 -> List.of(Role.CITY_CADRE);
            case 3 -> List.of(Role.COUNTY_CADRE);
            case 4 -> List.of(Role.TOWNSHIP_CADRE);
            default -> List.of(Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE);
        };
    }

    /** 工单 TS…「title」, the way a notice names a ticket. */
    static String about(TicketEntity t) {
        return "工单 " + t.ticketNo + "「" + t.title + "」";
    }

    static String link(long ticketId) {
        return "/pages/tickets/detail?id=" + ticketId;
    }

    /** Tells the unit's own cadres. */
    Uni<Void> toUnit(String unit, TicketEntity t, String title, String body) {
        if (unit == null) {
            return Uni.createFrom().voidItem();
        }
        return notifications.toRegionRoles(unit, unitRoles(unit), title, body, link(t.id));
    }

    /** Tells the cadres of the level above the unit (nobody above a province). */
    Uni<Void> toLevelAbove(String unit, TicketEntity t, String title, String body) {
        String above = unit == null ? null : RegionCodes.parent(unit);
        return toUnit(above, t, title, body);
    }

    /** Tells the complainant who filed it in the mini-program. */
    Uni<Void> toComplainant(TicketEntity t, String title, String body) {
        if (t.complainantId == null) {
            return Uni.createFrom().voidItem();
        }
        return notifications.toAccounts(List.of(t.complainantId), title, body, link(t.id));
    }
}
