package org.dixian.cases;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;

/** The cadre's workbench. */
@Path("/api/workbench")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WorkbenchResource {
    private final WorkbenchService service;
    private final CurrentScope scope;

    public WorkbenchResource(WorkbenchService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<Workbench> get() {
        return service.get(scope.get());
    }
}
