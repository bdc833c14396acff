package org.dixian.household;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.auth.TokenPair;
import org.dixian.platform.security.CurrentScope;

@Path("/api/me/household/bind")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BindingResource {
    private final BindingService service;
    private final CurrentScope scope;

    public BindingResource(BindingService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TokenPair> bind(@Valid @NotNull(message = "请求体不能为空") BindRequest body) {
        return service.bind(scope.get(), body);
    }
}
