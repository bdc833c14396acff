package org.dixian.department;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.client.ApiClientService;
import org.dixian.client.ClientScopes;
import org.dixian.client.ClientStatus;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.persistence.Actor;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;
import org.dixian.region.RegionService;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of departments (民政局, 医保局 …) that tickets can be given to (src-docs/tickets.md). Departments sit at
 * a county or above; a cadre sees those of its region and below, and those of the regions above it (a township may
 * hand a ticket to its county's 民政局). A department may name the system (an API client with tickets:handle) that
 * pulls and handles its tickets.
 */
@ApplicationScoped
public class DepartmentService {
    /** Who registers departments: cadres of a county or above, and account managers. */
    static final Role[] REGISTRARS = {Role.PROVINCE_CADRE, Role.CITY_CADRE, Role.COUNTY_CADRE, Role.ACCOUNT_MANAGER};
    static final String NOT_ASSIGNABLE = "未找到该部门，或不能交由该部门办理";

    private final DepartmentRepository departments;
    private final DepartmentEventRepository events;
    private final ApiClientService clients;
    private final RegionService regions;
    private final Pool pool;
    private final Clock clock;

    public DepartmentService(DepartmentRepository departments, DepartmentEventRepository events, ApiClientService clients,
                             RegionService regions, Pool pool, Clock clock) {
        this.departments = departments;
        this.events = events;
        this.clients = clients;
        this.regions = regions;
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * The one visibility rule: a department is seen from a region when it lies in that region (at it or below) or
     * sits at one of the region's ancestors.
     */
    static boolean seenFrom(String region, String departmentRegion) {
        return RegionCodes.covers(region, departmentRegion) || RegionCodes.covers(departmentRegion, region);
    }

    /** Registers a department at the caller's region or below, county level or above. */
    public Uni<Department> create(Scope scope, NewDepartment in) {
        scope.requireRole(REGISTRARS);
        String region = in.regionCode();
        if (RegionCodes.level(region) > 3) {
            throw ApiException.invalid("regionCode", "部门须登记在县级及以上区划");
        }
        if (!scope.covers(region)) {
            throw ApiException.forbidden("只能在本人管辖的区划内登记部门");
        }
        String name = in.name().trim();
        String clientId = blankToNull(in.clientId());
        return regions.find(region).chain(found -> {
            if (found == null) {
                throw ApiException.invalid("regionCode", "区划不存在：" + region);
            }
            return clientId == null ? Uni.createFrom().voidItem() : requireHandlingClient(clientId, region);
        }).chain(() -> insert(scope, in, name, clientId)).chain(this::view);
    }

    /** The client must be an active system allowed to handle tickets whose region holds the department's. */
    private Uni<Void> requireHandlingClient(String clientId, String departmentRegion) {
        return clients.byClientId(clientId).map(c -> {
            if (c == null || c.status() != ClientStatus.ACTIVE) {
                throw ApiException.invalid("clientId", "接入系统不存在或已停用：" + clientId);
            }
            if (!c.scopes().contains(ClientScopes.TICKETS_HANDLE)) {
                throw ApiException.invalid("clientId", "该接入系统未获 " + ClientScopes.TICKETS_HANDLE + " 授权，不能办理交办工单");
            }
            if (!RegionCodes.covers(c.regionCode(), departmentRegion)) {
                throw ApiException.invalid("clientId", "该接入系统的区划不包含部门所属区划");
            }
            return c;
        }).replaceWithVoid();
    }

    @WithTransaction
    Uni<DepartmentEntity> insert(Scope scope, NewDepartment in, String name, String clientId) {
        return departments.nameTaken(in.regionCode(), name).chain(taken -> {
            if (taken) {
                throw ApiException.conflict("该区划已有同名部门");
            }
            DepartmentEntity d = new DepartmentEntity();
            d.name = name;
            d.kind = in.kind();
            d.regionCode = in.regionCode();
            d.contactPhone = blankToNull(in.contactPhone());
            d.clientId = clientId;
            d.createdAt = OffsetDateTime.now(clock);
            d.actor = scope == null ? null : Actor.of(scope);
            return departments.persist(d).call(saved -> {
                DepartmentEventEntity e = new DepartmentEventEntity();
                e.departmentId = saved.id;
                e.type = "CREATED";
                e.actor = saved.actor;
                e.at = saved.createdAt;
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("name", saved.name);
                data.put("kind", saved.kind.name());
                data.put("regionCode", saved.regionCode);
                data.put("contactPhone", saved.contactPhone);
                data.put("clientId", saved.clientId);
                e.data = data;
                return events.persist(e);
            });
        });
    }

    /** The departments seen from the caller's region, or from a region within it. */
    @WithSession
    public Uni<List<Department>> list(Scope scope, String region) {
        requireReader(scope);
        String from = region == null ? scope.regionCode() : region;
        if (from == null) {
            throw ApiException.invalid("region", "请选择区划");
        }
        if (!scope.covers(from)) {
            throw ApiException.invalid("region", "只能查看本人管辖区划内的部门");
        }
        return departments.seenFrom(RegionCodes.range(from), RegionCodes.path(from)).chain(this::views);
    }

    /**
     * The department a caller may give a ticket to: one it sees by the listing rule; 400 on {@code field} otherwise
     * (the same answer whether it exists or not).
     */
    @WithSession
    public Uni<Department> assignable(Scope scope, long id, String field) {
        return departments.findById(id).map(d -> {
            if (d == null || scope.regionCode() == null || !seenFrom(scope.regionCode(), d.regionCode)) {
                throw ApiException.invalid(field, NOT_ASSIGNABLE);
            }
            return d.view(null);
        });
    }

    /** The ids of the departments whose tickets a client handles (none for a client no department names). */
    public Uni<List<Long>> handledBy(String clientId) {
        return pool.preparedQuery("select id from department where client_id = $1").execute(Tuple.of(clientId)).map(rows -> {
            List<Long> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getLong(0)));
            return ids;
        });
    }

    /** Names by id, for views of records that name a department (no scope check: names are not protected). */
    public Uni<Map<Long, String>> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select id, name from department where id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).map(rows -> {
                    Map<Long, String> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getLong(0), r.getString(1)));
                    return out;
                });
    }

    /** Registers a department without a caller (demo data) unless one of that name is already at the region. */
    public Uni<Void> seed(String name, DepartmentKind kind, String regionCode, String contactPhone, String clientId) {
        return seedIfAbsent(new NewDepartment(name, kind, regionCode, contactPhone, clientId));
    }

    @WithTransaction
    Uni<Void> seedIfAbsent(NewDepartment in) {
        return departments.nameTaken(in.regionCode(), in.name()).chain(taken -> taken ? Uni.createFrom().voidItem()
                : insert(null, in, in.name(), in.clientId()).replaceWithVoid());
    }

    private Uni<Department> view(DepartmentEntity d) {
        return regions.names(List.of(d.regionCode)).map(names -> d.view(names.get(d.regionCode)));
    }

    private Uni<List<Department>> views(List<DepartmentEntity> list) {
        return regions.names(list.stream().map(d -> d.regionCode).distinct().toList())
                .map(names -> list.stream().map(d -> d.view(names.get(d.regionCode))).toList());
    }

    private static void requireReader(Scope scope) {
        if (!scope.isCadre()) {
            throw ApiException.forbidden("当前角色（" + scope.role().label() + "）无权查看部门");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
