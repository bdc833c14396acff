package org.dixian.team;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;

import java.util.List;

/** The resident teams the caller serves in. */
@Path("/api/me/teams")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MyTeamsResource {
    private final TeamService teams;
    private final CurrentScope scope;

    public MyTeamsResource(TeamService teams, CurrentScope scope) {
        this.teams = teams;
        this.scope = scope;
    }

    @GET
    public Uni<List<ResidentTeam>> mine() {
        return teams.mine(scope.get());
    }
}
