package org.dixian.region;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.RegionCodes;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.util.Comparator;
import java.util.List;

/** Region look-ups, each checked against the caller's scope. */
@ApplicationScoped
public class RegionService {
    private final RegionRepository regions;

    public RegionService(RegionRepository regions) {
        this.regions = regions;
    }

    /** One region: anything under the caller's region, or one of its ancestors (for the path). */
    @WithSession
    public Uni<Region> get(Scope scope, String code) {
        requireVisible(scope, code);
        return load(code).map(RegionEntity::view);
    }

    /** Direct children of a region inside the caller's region. */
    @WithSession
    public Uni<List<Region>> children(Scope scope, String code) {
        requireBrowsable(scope, code);
        return load(code).chain(r -> regions.children(code)).map(l -> l.stream().map(RegionEntity::view).toList());
    }

    /** Province first, the region itself last. */
    @WithSession
    public Uni<List<Region>> path(Scope scope, String code) {
        requireVisible(scope, code);
        return load(code).chain(r -> pathOf(code));
    }

    /** Name search below a region inside the caller's region. */
    @WithSession
    public Uni<List<Region>> search(Scope scope, String code, String q, int limit) {
        requireBrowsable(scope, code);
        return load(code).chain(r -> regions.search(code, q.trim(), limit))
                .map(l -> l.stream().map(RegionEntity::view).toList());
    }

    /** The chain from province to {@code code}, without scope checks: for composing views of the caller itself. */
    @WithSession
    public Uni<List<Region>> pathOf(String code) {
        return regions.byCodes(RegionCodes.path(code)).map(l -> l.stream().map(RegionEntity::view)
                .sorted(Comparator.comparingInt(Region::level)).toList());
    }

    /** Whether a region exists (no scope check; callers check scope themselves). */
    @WithSession
    public Uni<Region> find(String code) {
        return regions.findById(code).map(r -> r == null ? null : r.view());
    }

    /**
     * Names of the given regions, for composing views (no scope check: names are public data). Every list
     * and detail needs them, so all names are read once and kept in memory (58k regions, about 3 MB);
     * regions only change when the loader runs at start-up.
     */
    public Uni<java.util.Map<String, String>> names(java.util.Collection<String> codes) {
        java.util.Map<String, String> all = nameCache;
        if (all != null) {
            return Uni.createFrom().item(pick(all, codes));
        }
        return allNames().map(loaded -> {
            nameCache = loaded;
            return pick(loaded, codes);
        });
    }

    private volatile java.util.Map<String, String> nameCache;

    @WithSession
    Uni<java.util.Map<String, String>> allNames() {
        return regions.listAll().map(l -> java.util.Map.copyOf(l.stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.code, r -> r.name))));
    }

    private static java.util.Map<String, String> pick(java.util.Map<String, String> all, java.util.Collection<String> codes) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String c : codes) {
            if (c != null && all.containsKey(c)) {
                out.put(c, all.get(c));
            }
        }
        return out;
    }

    private Uni<RegionEntity> load(String code) {
        return regions.findById(code).onItem().ifNull().failWith(() -> ApiException.notFound("区划不存在：" + code));
    }

    private static void validate(String code) {
        if (!RegionCodes.isValid(code)) {
            throw ApiException.invalid("code", "区划代码应为 12 位数字");
        }
    }

    private static void requireVisible(Scope scope, String code) {
        validate(code);
        scope.requireClientScope("regions:read");
        boolean ancestorOfOwn = scope.regionCode() != null && RegionCodes.covers(code, scope.regionCode());
        if (!ancestorOfOwn) {
            scope.requireCovers(code);
        }
    }

    private static void requireBrowsable(Scope scope, String code) {
        validate(code);
        scope.requireClientScope("regions:read");
        if (scope.role() == Role.FARMER) {
            throw ApiException.forbidden("农户无权浏览区划");
        }
        scope.requireCovers(code);
    }
}
