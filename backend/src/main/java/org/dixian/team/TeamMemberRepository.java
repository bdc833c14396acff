package org.dixian.team;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class TeamMemberRepository implements PanacheRepositoryBase<TeamMemberEntity, Long> {

    public Uni<List<TeamMemberEntity>> ofTeam(long teamId) {
        return list("teamId = ?1 order by id", teamId);
    }

    public Uni<List<TeamMemberEntity>> ofTeams(Collection<Long> teamIds) {
        return teamIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("teamId in ?1 order by id", teamIds);
    }

    /** Every membership of an account, past ones included. */
    public Uni<List<TeamMemberEntity>> ofAccount(long accountId) {
        return list("accountId = ?1 order by id", accountId);
    }
}
