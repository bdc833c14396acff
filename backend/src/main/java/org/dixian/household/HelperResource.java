package org.dixian.household;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

/** 帮扶责任人: the registry of helpers. Pairings are under the household ({@link PairingResource}). */
@Path("/api/helpers")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HelperResource {
    private final HelperService service;
    private final CurrentScope scope;

    public HelperResource(HelperService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<HelperPage> search(@QueryParam("q") @Size(max = 30, message = "查询词最长 30 个字") String q,
                                  @QueryParam("after") Long after,
                                  @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = "最少 1 条") @Max(value = 200, message = "最多 200 条") int limit) {
        return service.search(scope.get(), q, after, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已登记", content = @Content(schema = @Schema(implementation = Helper.class)))
    public Uni<Helper> create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                              @Valid @NotNull(message = "请求体不能为空") NewHelper body) {
        return service.create(scope.get(), body, idempotencyKey);
    }
}
