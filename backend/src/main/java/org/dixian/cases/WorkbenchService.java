package org.dixian.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.household.HouseholdService;
import org.dixian.household.RiskType;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The cadre's workbench: what waits for me (the stages my role acts on, in my region), late ones first, and how
 * many cases of my region are at each stage and late. Province and city cadres supervise: counts, no todos.
 */
@ApplicationScoped
public class WorkbenchService {
    static final int MAX_TODOS = 200;

    private static final String TODOS = """
            select c.id, c.stage, c.region_code, c.household_id, c.applicant_name, c.risk_types, c.stage_due, c.notice_ends,
                   (select count(*) from case_objection o where o.case_id = c.id and not exists
                        (select 1 from case_objection_answer a where a.objection_id = o.id)) as open_objections
              from identification_case c
             where c.open and c.region_code >= $1 and c.region_code < $2 and c.stage = any($3)
             order by c.stage_due < $4 desc, c.stage_due, c.id
             limit $5
            """;

    private static final String COUNTS = """
            select stage, count(*) as open, count(*) filter (where stage_due < $3) as overdue
              from identification_case
             where open and region_code >= $1 and region_code < $2
             group by stage
            """;

    private final Pool pool;
    private final HouseholdService households;
    private final RegionService regions;
    private final Clock clock;

    public WorkbenchService(Pool pool, HouseholdService households, RegionService regions, Clock clock) {
        this.pool = pool;
        this.households = households;
        this.regions = regions;
        this.clock = clock;
    }

    /** The stages a role acts on. */
    static List<CaseStage> stagesOf(Role role) {
        return switch (role) {
            case VILLAGE_CADRE, INFO_OFFICER, RESIDENT_CADRE -> List.of(CaseStage.VISIT, CaseStage.VILLAGE_REVIEW, CaseStage.PUBLIC_NOTICE);
            case TOWNSHIP_CADRE -> List.of(CaseStage.TOWNSHIP_REVIEW);
            case COUNTY_CADRE -> List.of(CaseStage.COUNTY_APPROVAL);
            default -> List.of();
        };
    }

    public Uni<Workbench> get(Scope scope) {
        scope.requireRole(CaseService.CADRES);
        LocalDate today = LocalDate.now(clock);
        String[] range = scope.regionRange();
        List<CaseStage> stages = stagesOf(scope.role());
        Uni<List<Row>> todoRows = stages.isEmpty() ? Uni.createFrom().item(List.of())
                : pool.preparedQuery(TODOS).execute(Tuple.of(range[0], range[1],
                        stages.stream().map(Enum::name).toArray(String[]::new), today, MAX_TODOS)).map(rows -> {
                    List<Row> out = new ArrayList<>();
                    rows.forEach(out::add);
                    return out;
                });
        Uni<List<StageCount>> counts = pool.preparedQuery(COUNTS).execute(Tuple.of(range[0], range[1], today)).map(rows -> {
            Map<CaseStage, StageCount> byStage = new EnumMap<>(CaseStage.class);
            rows.forEach(r -> {
                CaseStage s = CaseStage.valueOf(r.getString("stage"));
                byStage.put(s, new StageCount(s, r.getLong("open"), r.getLong("overdue")));
            });
            return Arrays.stream(CaseStage.values()).filter(s -> s.ordinal() <= CaseStage.COUNTY_APPROVAL.ordinal())
                    .map(s -> byStage.getOrDefault(s, new StageCount(s, 0, 0))).toList();
        });
        return todoRows.chain(rows -> households.heads(rows.stream().map(r -> r.getLong("household_id"))
                        .filter(java.util.Objects::nonNull).toList())
                .chain(heads -> regions.names(rows.stream().map(r -> r.getString("region_code")).distinct().toList())
                        .map(names -> rows.stream().map(r -> todo(r, heads, names)).toList())))
                .chain(todos -> counts.map(c -> new Workbench(todos, c)));
    }

    private WorkTodo todo(Row r, Map<Long, HouseholdService.Head> heads, Map<String, String> names) {
        CaseStage stage = CaseStage.valueOf(r.getString("stage"));
        Long household = r.getLong("household_id");
        HouseholdService.Head head = household == null ? null : heads.get(household);
        LocalDate due = r.getLocalDate("stage_due");
        LocalDate noticeEnds = r.getLocalDate("notice_ends");
        long openObjections = r.getLong("open_objections");
        WorkAction action = switch (stage) {
            case VISIT -> WorkAction.VISIT;
            case VILLAGE_REVIEW -> WorkAction.VILLAGE_REVIEW;
            case PUBLIC_NOTICE -> openObjections > 0 ? WorkAction.ANSWER_OBJECTION : WorkAction.CLOSE_NOTICE;
            case TOWNSHIP_REVIEW -> WorkAction.TOWNSHIP_REVIEW;
            default -> WorkAction.COUNTY_APPROVAL;
        };
        boolean ready = action != WorkAction.CLOSE_NOTICE || Deadlines.noticeOver(noticeEnds, clock);
        String region = r.getString("region_code");
        return new WorkTodo(r.getLong("id"), action, stage, region, names.get(region),
                head != null ? head.name() : r.getString("applicant_name"),
                Arrays.stream(r.getArrayOfStrings("risk_types")).map(RiskType::valueOf).toList(),
                due, Deadlines.overdue(due, clock), ready);
    }
}
