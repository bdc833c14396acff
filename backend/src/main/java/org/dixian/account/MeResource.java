package org.dixian.account;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;

@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    private final AccountService service;
    private final CurrentScope scope;

    public MeResource(AccountService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<Me> me() {
        return service.me(scope.get());
    }
}
