package org.dixian.region;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.security.RegionCodes;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<RegionEntity, String> {

    public Uni<List<RegionEntity>> children(String code) {
        return list("parentCode = ?1 order by code", code);
    }

    public Uni<List<RegionEntity>> byCodes(Collection<String> codes) {
        return list("code in ?1 order by level", codes);
    }

    /** Regions strictly below {@code code} whose name contains {@code q}, nearest levels first. */
    public Uni<List<RegionEntity>> search(String code, String q, int limit) {
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return find("code like ?1 and code <> ?2 and name like ?3 order by level, code",
                RegionCodes.prefix(code) + "%", code, like).page(0, limit).list();
    }
}
