package org.dixian.household;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<MemberEntity, Long> {
    public Uni<List<MemberEntity>> ofHousehold(long householdId) {
        return list("householdId = ?1 and removed = false order by id", householdId);
    }

    /** Which of these ID-number hashes belong to current members. */
    public Uni<List<String>> activeHashes(java.util.Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("idCardHash in ?1 and removed = false", hashes).map(l -> l.stream().map(m -> m.idCardHash).toList());
    }

    /** The current (not removed) member with this ID number, anywhere. */
    public Uni<MemberEntity> activeByIdCard(String hash) {
        return find("idCardHash = ?1 and removed = false", hash).firstResult();
    }
}
