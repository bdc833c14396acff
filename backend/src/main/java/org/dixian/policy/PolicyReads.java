package org.dixian.policy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.persistence.Actor;


import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain SQL on the reactive pool: policy search, the household facts conditions are evaluated on (read from the
 * registry's household, member and household_income tables), 政策找人 over a region, and reach rows. Region filters
 * are half-open code ranges; every value is a parameter.
 */
@ApplicationScoped
public class PolicyReads {
    private static final String SEARCHABLE = "(coalesce(p.doc_no, '') || ' ' || p.summary || ' ' || p.body_text)";
    private static final String LIST_COLUMNS = "p.id, p.title, p.doc_no, p.issuer, p.region_code, p.category, p.status, "
            + "p.effective_from, p.effective_to, p.summary, p.benefit, p.published_at";

    private final Pool pool;

    public PolicyReads(Pool pool) {
        this.pool = pool;
    }

    /** A policy row of a list (without its parts). */
    public record Listed(long id, String title, String docNo, String issuer, String regionCode, PolicyCategory category,
                         PolicyStatus status, LocalDate effectiveFrom, LocalDate effectiveTo, String summary,
                         String benefit, OffsetDateTime publishedAt) {
    }

    public record Found(List<Listed> items, long total) {
    }

    /**
     * The policies the viewer sees, filtered by category, status and words: every word must occur in the title,
     * document number, summary or body (ILIKE, served by the trigram indexes from three characters on). Policies
     * whose title holds every word come first, then the newest.
     */
    public Uni<Found> search(Viewer v, String q, PolicyCategory category, PolicyStatus status, boolean onlyWithConditions,
                             int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(v, q, category, status, onlyWithConditions, args);
        List<String> words = words(q);
        StringBuilder titleRank = new StringBuilder();
        List<Object> pageArgs = new ArrayList<>(args);
        if (!words.isEmpty()) {
            List<String> inTitle = new ArrayList<>();
            for (String w : words) {
                pageArgs.add(like(w));
                inTitle.add("p.title ilike $" + pageArgs.size());
            }
            titleRank = new StringBuilder("case when " + String.join(" and ", inTitle) + " then 0 else 1 end, ");
        }
        pageArgs.add(offset);
        String off = "$" + pageArgs.size();
        pageArgs.add(limit);
        String lim = "$" + pageArgs.size();
        String page = "select " + LIST_COLUMNS + " from policy p where " + where + " order by " + titleRank
                + "coalesce(p.published_at, p.created_at) desc, p.id desc offset " + off + " limit " + lim;
        String count = "select count(*) from policy p where " + where;
        return pool.preparedQuery(page).execute(Tuple.from(pageArgs)).chain(rows -> {
            List<Listed> items = new ArrayList<>();
            rows.forEach(r -> items.add(listed(r)));
            if (offset == 0 && items.size() < limit) {
                return Uni.createFrom().item(new Found(items, items.size()));
            }
            return pool.preparedQuery(count).execute(Tuple.from(args))
                    .map(c -> new Found(items, c.iterator().next().getLong(0)));
        });
    }

    private static String where(Viewer v, String q, PolicyCategory category, PolicyStatus status,
                                boolean onlyWithConditions, List<Object> args) {
        args.add(v.today());
        args.add(v.ancestors().toArray(String[]::new));
        String[] range = v.range();
        args.add(range[0]);
        args.add(range[1]);
        args.add(v.cadre());
        args.add(category == null ? null : category.name());
        args.add(status == null ? null : status.name());
        StringBuilder w = new StringBuilder("""
                ((p.status = 'PUBLISHED' and p.effective_from <= $1 and (p.effective_to is null or p.effective_to >= $1)
                  and p.region_code = any($2::bpchar[]))
                 or ($5 and p.region_code >= $3 and p.region_code < $4))
                and ($6::text is null or p.category = $6) and ($7::text is null or p.status = $7)""");
        for (String word : words(q)) {
            args.add(like(word));
            String k = "$" + args.size();
            w.append(" and (p.title ilike ").append(k).append(" or ").append(SEARCHABLE).append(" ilike ").append(k).append(")");
        }
        if (onlyWithConditions) {
            w.append(" and exists (select 1 from policy_conditions c where c.policy_id = p.id and c.version = p.conditions_version"
                    + " and c.conditions is not null and jsonb_typeof(c.conditions) = 'object')");
        }
        return w.toString();
    }

    static List<String> words(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return Arrays.stream(q.strip().split("\\s+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** %word% with the LIKE wildcards of the word escaped. */
    static String like(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Listed listed(Row r) {
        return new Listed(r.getLong("id"), r.getString("title"), r.getString("doc_no"), r.getString("issuer"),
                r.getString("region_code"), PolicyCategory.valueOf(r.getString("category")),
                PolicyStatus.valueOf(r.getString("status")), r.getLocalDate("effective_from"),
                r.getLocalDate("effective_to"), r.getString("summary"), r.getString("benefit"),
                r.getOffsetDateTime("published_at"));
    }

    /** The current conditions (JSON text) of these policies; general policies are left out. */
    public Uni<Map<Long, String>> conditionsOf(List<Long> policyIds) {
        return pool.preparedQuery("""
                select p.id, c.conditions::text from policy p
                  join policy_conditions c on c.policy_id = p.id and c.version = p.conditions_version
                 where p.id = any($1) and c.conditions is not null and jsonb_typeof(c.conditions) = 'object'
                """).execute(Tuple.of(policyIds.toArray(Long[]::new))).map(rows -> {
            Map<Long, String> out = new HashMap<>();
            rows.forEach(r -> out.put(r.getLong(0), r.getString(1)));
            return out;
        });
    }

    // ---- household facts ----

    /** The facts of these households (not deleted), in id order. */
    public Uni<List<HouseholdFacts>> facts(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Long[] arr = ids.toArray(Long[]::new);
        return pool.preparedQuery("""
                select h.id, h.region_code, h.category, h.monitoring_type, h.risk_types, h.housing_safe, h.water_safe,
                       h.risk_eliminated, h.member_count, inc.per_capita_net, inc.year
                  from household h left join lateral """ + SqlConditions.LATEST_INCOME + """
                 where h.id = any($1) and not h.deleted order by h.id
                """).execute(Tuple.of(arr)).chain(hh -> pool.preparedQuery("""
                select household_id, birth_date, gender, relation, health, disability_grade, schooling_status, labor_ability,
                       work_status, work_place, assistance_status, medical_insured, pension_insured
                  from member where household_id = any($1) and not removed order by household_id, id
                """).execute(Tuple.of(arr)).map(mm -> {
            Map<Long, List<HouseholdFacts.Member>> members = new HashMap<>();
            mm.forEach(m -> members.computeIfAbsent(m.getLong("household_id"), k -> new ArrayList<>()).add(
                    new HouseholdFacts.Member(m.getLocalDate("birth_date"), m.getString("gender"), m.getString("relation"),
                            m.getString("health"), m.getInteger("disability_grade"), m.getString("schooling_status"),
                            m.getString("labor_ability"), m.getString("work_status"), m.getString("work_place"),
                            m.getString("assistance_status"), m.getBoolean("medical_insured"), m.getBoolean("pension_insured"))));
            List<HouseholdFacts> out = new ArrayList<>();
            hh.forEach(h -> {
                String[] risks = h.getArrayOfStrings("risk_types");
                out.add(new HouseholdFacts(h.getLong("id"), h.getString("region_code"), h.getString("category"),
                        h.getString("monitoring_type"), risks == null ? List.of() : List.of(risks),
                        h.getBoolean("housing_safe"), h.getBoolean("water_safe"), h.getBoolean("risk_eliminated"),
                        h.getInteger("member_count"), h.getBigDecimal("per_capita_net"), h.getInteger("year"),
                        members.getOrDefault(h.getLong("id"), List.of())));
            });
            return out;
        }));
    }

    /** The village code of a household that is not deleted; null when there is none. */
    public Uni<String> householdRegion(long id) {
        return pool.preparedQuery("select region_code from household where id = $1 and not deleted")
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    // ---- 政策找人 ----

    /** One eligible household of a match list. */
    public record Matched(long householdId, String householdNo, String regionCode, String headName, PolicyReachStatus reach) {
    }

    public record MatchCounts(long eligible, long receiving, long notReached) {
    }

    /** The eligible households under [from, to) for these conditions (params from $offset + 1 on). */
    private static String eligible(PolicyCondition c, List<Object> args, LocalDate today, ThresholdLookup thresholds,
                                   String from) {
        SqlConditions sql = new SqlConditions(args, today, thresholds, from.substring(0, 2));
        String predicate = sql.predicate(c);
        return "select h.id, h.household_no, h.region_code, h.head_name from household h"
                + (JavaEvaluator.usesIncome(c) ? " left join lateral " + SqlConditions.LATEST_INCOME : "")
                + " where not h.deleted and h.region_code >= $1 and h.region_code < $2 and (" + predicate + ")";
    }

    public Uni<MatchCounts> countMatches(long policyId, PolicyCondition c, String[] range, LocalDate today,
                                         ThresholdLookup thresholds) {
        List<Object> args = new ArrayList<>(List.of(range[0], range[1], policyId));
        String e = eligible(c, args, today, thresholds, range[0]);
        return pool.preparedQuery("with e as (" + e + ") select count(*), count(*) filter (where r.status = 'RECEIVING'), "
                        + "count(*) filter (where r.household_id is null) from e left join policy_reach r "
                        + "on r.policy_id = $3 and r.household_id = e.id")
                .execute(Tuple.from(args)).map(rows -> {
                    Row r = rows.iterator().next();
                    return new MatchCounts(r.getLong(0), r.getLong(1), r.getLong(2));
                });
    }

    /** A page of eligible households in id order after {@code after}; {@code reach} RECEIVING, NOT_REACHED or null. */
    public Uni<List<Matched>> matches(long policyId, PolicyCondition c, String[] range, LocalDate today,
                                      ThresholdLookup thresholds, String reach, Long after, int limit) {
        List<Object> args = new ArrayList<>(Arrays.asList(range[0], range[1], policyId, after, reach, limit));
        String e = eligible(c, args, today, thresholds, range[0]);
        return pool.preparedQuery("with e as (" + e + ") select e.id, e.household_no, e.region_code, e.head_name, r.status "
                        + "from e left join policy_reach r on r.policy_id = $3 and r.household_id = e.id "
                        + "where ($4::bigint is null or e.id > $4) and ($5::text is null "
                        + "or ($5 = 'RECEIVING' and r.status = 'RECEIVING') or ($5 = 'NOT_REACHED' and r.household_id is null)) "
                        + "order by e.id limit $6")
                .execute(Tuple.from(args)).map(PolicyReads::matched);
    }

    private static List<Matched> matched(RowSet<Row> rows) {
        List<Matched> out = new ArrayList<>();
        rows.forEach(r -> out.add(new Matched(r.getLong(0), r.getString(1), r.getString(2), r.getString(3),
                r.getString(4) == null ? null : PolicyReachStatus.valueOf(r.getString(4)))));
        return out;
    }

    /** Eligible ids only (for the agreement test and notify): every eligible household under the range. */
    public Uni<List<Long>> eligibleIds(PolicyCondition c, String[] range, LocalDate today, ThresholdLookup thresholds) {
        List<Object> args = new ArrayList<>(List.of(range[0], range[1]));
        String e = eligible(c, args, today, thresholds, range[0]);
        return pool.preparedQuery("select id from (" + e + ") e order by id").execute(Tuple.from(args)).map(rows -> {
            List<Long> out = new ArrayList<>();
            rows.forEach(r -> out.add(r.getLong(0)));
            return out;
        });
    }

    /** For notify: how many eligible households already have a reach row or have no bound farmer, and whom to tell. */
    public record NotifyPlan(long eligible, long reached, long withoutAccount, List<Long> toNotify) {
    }

    public Uni<NotifyPlan> notifyPlan(long policyId, PolicyCondition c, String[] range, LocalDate today,
                                      ThresholdLookup thresholds) {
        List<Object> args = new ArrayList<>(List.of(range[0], range[1], policyId));
        String e = eligible(c, args, today, thresholds, range[0]);
        return pool.preparedQuery("with e as (" + e + "), x as (select e.id, r.household_id is not null as reached, "
                        + "exists (select 1 from account a where a.household_id = e.id and a.role = 'FARMER' and a.status = 'ACTIVE') as bound "
                        + "from e left join policy_reach r on r.policy_id = $3 and r.household_id = e.id) "
                        + "select x.id, x.reached, x.bound from x where not x.reached order by x.id")
                .execute(Tuple.from(args)).chain(rows -> {
                    List<Long> toNotify = new ArrayList<>();
                    long[] unbound = {0};
                    rows.forEach(r -> {
                        if (r.getBoolean(2)) {
                            toNotify.add(r.getLong(0));
                        } else {
                            unbound[0]++;
                        }
                    });
                    List<Object> countArgs = new ArrayList<>(List.of(range[0], range[1], policyId));
                    String e2 = eligible(c, countArgs, today, thresholds, range[0]);
                    return pool.preparedQuery("with e as (" + e2 + ") select count(*), count(r.household_id) from e "
                                    + "left join policy_reach r on r.policy_id = $3 and r.household_id = e.id")
                            .execute(Tuple.from(countArgs)).map(cr -> {
                                Row r = cr.iterator().next();
                                return new NotifyPlan(r.getLong(0), r.getLong(1), unbound[0], toNotify);
                            });
                });
    }

    // ---- reach ----

    public Uni<PolicyReachCounts> reachCounts(long policyId, String[] range) {
        return pool.preparedQuery("select status, count(*) from policy_reach where policy_id = $1 and region_code >= $2 "
                        + "and region_code < $3 group by status")
                .execute(Tuple.of(policyId, range[0], range[1])).map(rows -> {
                    Map<String, Long> n = new LinkedHashMap<>();
                    rows.forEach(r -> n.put(r.getString(0), r.getLong(1)));
                    return new PolicyReachCounts(n.getOrDefault("NOTIFIED", 0L), n.getOrDefault("VIEWED", 0L),
                            n.getOrDefault("APPLIED", 0L), n.getOrDefault("RECEIVING", 0L));
                });
    }

    private static final String RANK = "array_position(array['NOTIFIED', 'VIEWED', 'APPLIED', 'RECEIVING'], %s)";

    /**
     * Raises the household's reach to {@code status} (inserting the row when missing) and appends its history, in one
     * statement; answers the row, or null when it already stood at that status or higher (never lowered).
     */
    public Uni<PolicyReach> raise(long policyId, long householdId, String region, PolicyReachStatus status, String note,
                                  Actor actor, OffsetDateTime at) {
        String sql = """
                with up as (
                    insert into policy_reach (policy_id, household_id, region_code, status, note, updated_at)
                    values ($1, $2, $3, $4, $5, $6)
                    on conflict (policy_id, household_id) do update
                       set status = excluded.status, note = coalesce(excluded.note, policy_reach.note), updated_at = excluded.updated_at
                     where %s < %s
                    returning policy_id, household_id, status, note, updated_at
                ), ev as (
                    insert into policy_reach_event (policy_id, household_id, status, note, actor_id, actor_role, actor_region, at)
                    select policy_id, household_id, status, $5::text, $7::bigint, $8::text, $9::bpchar, updated_at from up
                )
                select policy_id, household_id, status, note, updated_at from up
                """.formatted(RANK.formatted("policy_reach.status"), RANK.formatted("excluded.status"));
        return pool.preparedQuery(sql).execute(Tuple.from(Arrays.asList(policyId, householdId, region, status.name(), note, at,
                        actor.id, actor.role == null ? null : actor.role.name(), actor.region)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new PolicyReach(r.getLong(0), r.getLong(1), PolicyReachStatus.valueOf(r.getString(2)),
                            r.getString(3), r.getOffsetDateTime(4));
                });
    }

    /** The reach row of a household, or null. */
    public Uni<PolicyReach> reach(long policyId, long householdId) {
        return pool.preparedQuery("select policy_id, household_id, status, note, updated_at from policy_reach "
                        + "where policy_id = $1 and household_id = $2")
                .execute(Tuple.of(policyId, householdId)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new PolicyReach(r.getLong(0), r.getLong(1), PolicyReachStatus.valueOf(r.getString(2)),
                            r.getString(3), r.getOffsetDateTime(4));
                });
    }

}
