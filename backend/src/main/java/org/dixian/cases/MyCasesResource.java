package org.dixian.cases;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;

import java.util.List;

/** A farmer's own declarations. */
@Path("/api/me/cases")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MyCasesResource {
    private final CaseService service;
    private final CurrentScope scope;

    public MyCasesResource(CaseService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<List<Case>> mine() {
        return service.mine(scope.get());
    }
}
