package org.dixian.household;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** A household's helpers: pairing, ending a pairing, and calling the helper. */
@Path("/api/households/{id}/helpers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PairingResource {
    private final HelperService service;
    private final CurrentScope scope;

    public PairingResource(HelperService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<List<HelperPairing>> list(@PathParam("id") long id) {
        return service.ofHousehold(scope.get(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已结对", content = @Content(schema = @Schema(implementation = HelperPairing.class)))
    public Uni<HelperPairing> pair(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") NewPairing body) {
        return service.pair(scope.get(), id, body);
    }

    @POST
    @Path("{pairingId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<HelperPairing> end(@PathParam("id") long id, @PathParam("pairingId") long pairingId,
                                  @Valid @NotNull(message = "请求体不能为空") EndPairing body) {
        return service.end(scope.get(), id, pairingId, body);
    }

    @POST
    @Path("{pairingId}/phone")
    public Uni<RevealedValue> phone(@PathParam("id") long id, @PathParam("pairingId") long pairingId) {
        return service.phone(scope.get(), id, pairingId);
    }
}
