package org.dixian.cases;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.notification.Notifications;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;

import java.util.List;

/**
 * Who is told what along the chain: the cadres responsible for the stage a case enters (their todo), the level
 * above when a stage runs late, the farmer of the outcome. Everything runs in the caller's transaction, so a
 * notice is written exactly when its step is.
 */
@ApplicationScoped
public class CaseNotices {
    /** The cadres of a region who act at a stage. */
    record Responsible(String regionCode, List<Role> roles) {
    }

    private final Notifications notifications;
    private final org.dixian.region.RegionService regions;

    public CaseNotices(Notifications notifications, org.dixian.region.RegionService regions) {
        this.notifications = notifications;
        this.regions = regions;
    }

    /** Village stages belong to the village's cadres, the reviews to the township's and the county's cadres. */
    static Responsible responsible(CaseStage stage, String village) {
        return switch (stage) {
            case VISIT, VILLAGE_REVIEW, PUBLIC_NOTICE -> new Responsible(village, List.of(CaseService.VISITORS));
            case TOWNSHIP_REVIEW -> new Responsible(RegionCodes.ancestorAt(village, 4), List.of(Role.TOWNSHIP_CADRE));
            case COUNTY_APPROVAL -> new Responsible(RegionCodes.ancestorAt(village, 3), List.of(Role.COUNTY_CADRE));
            default -> null;
        };
    }

    /** The level that supervises a stage: the township for the village's stages, then the county, then the city. */
    static Responsible above(CaseStage stage, String village) {
        return switch (stage) {
            case VISIT, VILLAGE_REVIEW, PUBLIC_NOTICE -> new Responsible(RegionCodes.ancestorAt(village, 4), List.of(Role.TOWNSHIP_CADRE));
            case TOWNSHIP_REVIEW -> new Responsible(RegionCodes.ancestorAt(village, 3), List.of(Role.COUNTY_CADRE));
            case COUNTY_APPROVAL -> new Responsible(RegionCodes.ancestorAt(village, 2), List.of(Role.CITY_CADRE));
            default -> null;
        };
    }

    static String link(long caseId) {
        return "/pages/cases/detail?id=" + caseId;
    }

    /** The case has entered a stage: its cadres get the todo with the deadline. */
    Uni<Void> assigned(CaseEntity c) {
        Responsible r = responsible(c.stage, c.regionCode);
        if (r == null) {
            return Uni.createFrom().voidItem();
        }
        return regions.names(List.of(c.regionCode)).chain(names -> assigned(c, r, names.get(c.regionCode)));
    }

    private Uni<Void> assigned(CaseEntity c, Responsible r, String villageName) {
        String body = (villageName == null ? "" : villageName) + "的识别案件（编号 " + c.id + "）待" + CaseService.stageName(c.stage)
                + (c.stageDue == null ? "" : "，请于 " + c.stageDue + " 前办理");
        return notifications.toRegionRoles(r.regionCode(), r.roles(), "待办：" + CaseService.stageName(c.stage), body, link(c.id));
    }

    /** A stage ran past its deadline: the responsible cadres and the level above are told. */
    Uni<Void> overdue(CaseEntity c, String villageName) {
        Responsible r = responsible(c.stage, c.regionCode);
        Responsible up = above(c.stage, c.regionCode);
        if (r == null) {
            return Uni.createFrom().voidItem();
        }
        String body = (villageName == null ? "" : villageName) + "的识别案件（编号 " + c.id + "）" + CaseService.stageName(c.stage)
                + "已超过办理时限（" + c.stageDue + "）";
        return notifications.toRegionRoles(r.regionCode(), r.roles(), "超时提醒：" + CaseService.stageName(c.stage), body, link(c.id))
                .chain(() -> notifications.toRegionRoles(up.regionCode(), up.roles(), "下级超时：" + CaseService.stageName(c.stage),
                        body, link(c.id)));
    }

    /** The farmer who declared is told a step that concerns them (outcome, return, notice). */
    Uni<Void> farmer(CaseEntity c, String title, String body) {
        if (c.declarantId == null) {
            return Uni.createFrom().voidItem();
        }
        return notifications.toAccounts(List.of(c.declarantId), title, body, link(c.id));
    }

    /** Someone objected to the notice: the village's cadres must answer before the case moves on. */
    Uni<Void> objectionFiled(CaseEntity c) {
        return notifications.toRegionRoles(c.regionCode, List.of(CaseService.VISITORS), "公示收到异议",
                "识别案件（编号 " + c.id + "）公示期间收到一条异议，请核实答复后再报乡镇审核", "/pages/cases/objections?id=" + c.id);
    }
}
