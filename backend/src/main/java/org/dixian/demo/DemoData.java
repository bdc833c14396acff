package org.dixian.demo;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.dixian.account.AccountService;
import org.dixian.checkin.GeofenceService;
import org.dixian.client.ApiClientService;
import org.dixian.client.ClientScopes;
import org.dixian.department.DepartmentKind;
import org.dixian.department.DepartmentService;
import org.dixian.platform.security.Role;
import org.dixian.team.TeamRole;
import org.dixian.team.TeamService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Demo accounts along one real Henan chain — 河南省 → 开封市 → 兰考县 → 堌阳镇 → 任庄村 — plus a farmer
 * and a department client, created on the first start of a dev or test run (dixian.demo.enabled); and 兰考县民政局
 * with its ticket-handling system.
 */
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    public static final String PROVINCE = "410000000000";
    public static final String CITY = "410200000000";
    public static final String COUNTY = "410225000000";
    public static final String TOWNSHIP = "410225101000";
    public static final String VILLAGE = "410225101201";
    public static final String CLIENT_ID = "demo-medical-insurance";
    public static final String CLIENT_SECRET = "demo-secret-change-me";
    /** 兰考县民政局's system: handles the tickets given to the department (tickets:handle). */
    public static final String DEPARTMENT_CLIENT_ID = "demo-civil-affairs";
    public static final String DEPARTMENT_CLIENT_SECRET = "demo-civil-secret-change-me";
    public static final String DEPARTMENT = "兰考县民政局";

    record Seed(String name, String phone, String region, Role role, String position, String openid) {
    }

    static final List<Seed> ACCOUNTS = List.of(
            new Seed("周建国", "13800000001", PROVINCE, Role.PROVINCE_CADRE, "省乡村振兴局监测处", null),
            new Seed("吴卫东", "13800000002", CITY, Role.CITY_CADRE, "市乡村振兴局", null),
            new Seed("郑晓明", "13800000003", COUNTY, Role.COUNTY_CADRE, "县乡村振兴局", null),
            new Seed("王秀兰", "13800000004", TOWNSHIP, Role.TOWNSHIP_CADRE, "镇乡村振兴办主任", null),
            new Seed("李德福", "13800000005", VILLAGE, Role.VILLAGE_CADRE, "村党支部书记", null),
            new Seed("张小红", "13800000006", VILLAGE, Role.INFO_OFFICER, "村信息员", null),
            new Seed("陈志强", "13800000007", VILLAGE, Role.RESIDENT_CADRE, "驻村第一书记", null),
            new Seed("刘敏", "13800000008", PROVINCE, Role.ACCOUNT_MANAGER, "省级账号管理员", null),
            new Seed("孙丽", "13800000009", COUNTY, Role.ACCOUNT_MANAGER, "县级账号管理员", null),
            new Seed("赵大山", null, VILLAGE, Role.FARMER, null, "o-demo-farmer"));

    private final boolean enabled;
    private final AccountService accounts;
    private final ApiClientService clients;
    private final DemoPolicies policies;
    private final DepartmentService departments;
    private final GeofenceService geofences;
    private final TeamService teams;
    private final java.time.Clock clock;

    public DemoData(@ConfigProperty(name = "dixian.demo.enabled") boolean enabled, AccountService accounts,
                    ApiClientService clients, DemoPolicies policies, DepartmentService departments,
                    GeofenceService geofences, TeamService teams, java.time.Clock clock) {
        this.enabled = enabled;
        this.accounts = accounts;
        this.clients = clients;
        this.policies = policies;
        this.departments = departments;
        this.geofences = geofences;
        this.teams = teams;
        this.clock = clock;
    }

    /** After the regions are loaded (priority 10); start-up thread, so waiting here is allowed. */
    void onStart(@Observes @Priority(20) StartupEvent ev) throws Throwable {
        if (!enabled) {
            return;
        }
        long existing = VertxContextSupport.subscribeAndAwait(accounts::count);
        if (existing == 0) {
            VertxContextSupport.subscribeAndAwait(this::seed);
            LOG.info("Demo data created");
        }
        // Also on data made before departments existed.
        VertxContextSupport.subscribeAndAwait(this::seedDepartment);
        VertxContextSupport.subscribeAndAwait(this::seedResidentTeam);
        LOG.info("""
                
                ==== Dixian demo ====
                Open the printed http://localhost:<port>/ and choose a demo account (development login), e.g.
                  农户 赵大山 (任庄村) · 乡镇干部 王秀兰 (堌阳镇) · 县级账号管理员 孙丽 (兰考县) · 省级干部 周建国
                Cadres can also log in through the WeChat phone flow with phone code "phone-<their phone>",
                e.g. phone-13800000004. Department client: %s / %s (POST /auth/token).
                %s handles tickets given to it through its system: %s / %s (scope tickets:handle).
                API docs: /q/swagger-ui
                =====================""".formatted(CLIENT_ID, CLIENT_SECRET, DEPARTMENT, DEPARTMENT_CLIENT_ID,
                DEPARTMENT_CLIENT_SECRET));
    }

    private Uni<Void> seed() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        long[] county = {0};
        for (Seed s : ACCOUNTS) {
            chain = chain.chain(() -> accounts.seed(s.name(), s.phone(), s.region(), s.role(), s.position(), s.openid()))
                    .invoke(id -> {
                        if (s.role() == Role.COUNTY_CADRE) {
                            county[0] = id;
                        }
                    })
                    .replaceWithVoid();
        }
        return chain.chain(() -> clients.seed(CLIENT_ID, "县医保局（演示）", CLIENT_SECRET, COUNTY,
                List.of("alerts:push", "households:read", "regions:read"))).chain(() -> policies.seed(county[0]));
    }

    /** 兰考县民政局 and its system, each created once. */
    private Uni<Void> seedDepartment() {
        return clients.name(DEPARTMENT_CLIENT_ID)
                .chain(name -> name != null ? Uni.createFrom().voidItem()
                        : clients.seed(DEPARTMENT_CLIENT_ID, "县民政局救助系统（演示）", DEPARTMENT_CLIENT_SECRET, COUNTY,
                                List.of(ClientScopes.TICKETS_HANDLE)))
                .chain(() -> departments.seed(DEPARTMENT, DepartmentKind.CIVIL_AFFAIRS, COUNTY, "0371-26981234",
                        DEPARTMENT_CLIENT_ID));
    }

    /**
     * 任庄村's check-in geofence (an approximate village centre) and its resident team with 陈志强 (the demo resident
     * cadre, account 7) as first secretary since 1 January of the current year; each created once.
     */
    private Uni<Void> seedResidentTeam() {
        return geofences.seed(VILLAGE, 34.7589, 114.8873, 1500)
                .chain(() -> accounts.firstActive(10)).chain(list -> list.stream()
                        .filter(a -> a.role() == Role.RESIDENT_CADRE && VILLAGE.equals(a.regionCode())).findFirst()
                        .map(a -> teams.seed(VILLAGE, a.id(), TeamRole.FIRST_SECRETARY, "开封市乡村振兴局",
                                java.time.LocalDate.now(clock).withDayOfYear(1)))
                        .orElse(Uni.createFrom().voidItem()));
    }
}
