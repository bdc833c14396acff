package org.dixian.unit;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** 帮扶单位: the registry of assistance units and their pairings with villages. */
@Path("/api/units")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {
    private final UnitService service;
    private final CurrentScope scope;

    public UnitResource(UnitService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<List<AssistanceUnit>> list(@QueryParam("region") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String region) {
        return service.list(scope.get(), region);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已登记", content = @Content(schema = @Schema(implementation = AssistanceUnit.class)))
    public Uni<AssistanceUnit> create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                      @Valid @NotNull(message = "请求体不能为空") NewAssistanceUnit body) {
        return service.create(scope.get(), body, idempotencyKey);
    }

    @POST
    @Path("{unitId}/pairings")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "帮扶单位", content = @Content(schema = @Schema(implementation = AssistanceUnit.class)))
    public Uni<AssistanceUnit> pair(@PathParam("unitId") long unitId, @Valid @NotNull(message = "请求体不能为空") NewUnitPairing body) {
        return service.pair(scope.get(), unitId, body);
    }

    @POST
    @Path("{unitId}/pairings/{pairingId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AssistanceUnit> end(@PathParam("unitId") long unitId, @PathParam("pairingId") long pairingId,
                                   @Valid @NotNull(message = "请求体不能为空") EndUnitPairing body) {
        return service.end(scope.get(), unitId, pairingId, body);
    }
}
