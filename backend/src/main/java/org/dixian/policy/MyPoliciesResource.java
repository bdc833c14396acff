package org.dixian.policy;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;

/** 适合我的政策: the bound farmer's eligible and nearly met policies. */
@Path("/api/me/policies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MyPoliciesResource {
    private final PolicyMatchService matches;
    private final CurrentScope scope;

    public MyPoliciesResource(PolicyMatchService matches, CurrentScope scope) {
        this.matches = matches;
        this.scope = scope;
    }

    @GET
    public Uni<PoliciesForMe> forMe() {
        return matches.forMe(scope.get());
    }
}
