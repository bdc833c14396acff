package org.dixian.ticket;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.notification.Notifications;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;

import java.util.List;

/**
 * Who is told what along the ticket cycle, in the step's transaction: a unit (the cadres of a region at its own
 * level) when a ticket comes to it, the complainant when it is accepted, refused, replied to or closed.
 */
@ApplicationScoped
public class TicketNotices {
    private final Notifications notifications;

    public TicketNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The cadres who make up the unit of a region: a village's cadres, else the cadres of that level. */
    static List<Role> unitRoles(String region) {
        return switch (RegionCodes.level(region)) {
            case 5 -> List.of(Role.VILLAGE_CADRE, Role.INFO_OFFICER, Role.RESIDENT_CADRE);
            case 4 -> List.of(Role.TOWNSHIP_CADRE);
            case 3 -> List.of(Role.COUNTY_CADRE);
            case 2 -> List.of(Role.CITY_CADRE);
            default -> List.of(Role.PROVINCE_CADRE);
        };
    }

    static String link(TicketEntity t) {
        return "/pages/tickets/detail?id=" + t.id;
    }

    Uni<Void> toUnit(String region, TicketEntity t, String title, String body) {
        if (region == null) {
            return Uni.createFrom().voidItem();
        }
        return notifications.toRegionRoles(region, unitRoles(region), title, "工单 " + t.ticketNo + "「" + t.title + "」" + body, link(t));
    }

    Uni<Void> toComplainant(TicketEntity t, String title, String body) {
        if (t.complainantId == null) {
            return Uni.createFrom().voidItem();
        }
        return notifications.toAccounts(List.of(t.complainantId), title, "您反映的「" + t.title + "」" + body, link(t));
    }
}
