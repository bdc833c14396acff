package org.dixian.client;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

@Path("/api/clients")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ApiClientResource {
    private final ApiClientService service;
    private final CurrentScope scope;

    public ApiClientResource(ApiClientService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<List<ApiClient>> list() {
        return service.list(scope.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已登记", content = @Content(schema = @Schema(implementation = ApiClientCreated.class)))
    public Uni<ApiClientCreated> create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                        @Valid @NotNull(message = "请求体不能为空") NewApiClient body) {
        return service.create(scope.get(), body, idempotencyKey);
    }
}
