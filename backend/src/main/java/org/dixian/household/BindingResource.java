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

@Path("/api/me/household")
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
    @Path("bind")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TokenPair> bind(@Valid @NotNull(message = "请求体不能为空") BindRequest body) {
        return service.bind(scope.get(), body);
    }

    @POST
    @Path("members/{memberId}/allow")
    @org.jboss.resteasy.reactive.ResponseStatus(204)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "204", description = "已授权")
    public Uni<Void> allow(@jakarta.ws.rs.PathParam("memberId") long memberId) {
        return service.allow(scope.get(), memberId);
    }
}
