package org.dixian.ticket;

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
import org.jboss.resteasy.reactive.RestResponse;

import java.time.OffsetDateTime;

/** Third-party platforms push tickets and pull their progress (client credentials, scope tickets:push). */
@Path("/api/external/tickets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ExternalTicketResource {
    private final ExternalTicketService service;
    private final CurrentScope scope;

    public ExternalTicketResource(ExternalTicketService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "已登记", content = @Content(schema = @Schema(implementation = ExternalTicketStatus.class)))
    @APIResponse(responseCode = "200", description = "同一外部工单号重复推送：原工单", content = @Content(schema = @Schema(implementation = ExternalTicketStatus.class)))
    public Uni<RestResponse<ExternalTicketStatus>> push(@Valid @NotNull(message = "请求体不能为空") ExternalTicket body) {
        return service.push(scope.get(), body).map(p -> p.created()
                ? RestResponse.status(RestResponse.Status.CREATED, p.ticket())
                : RestResponse.ok(p.ticket()));
    }

    @GET
    public Uni<ExternalTicketPage> pull(@QueryParam("updatedAfter") OffsetDateTime updatedAfter,
                                        @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "最少 1 条") @Max(value = 500, message = "最多 500 条") int limit) {
        return service.page(scope.get(), updatedAfter, limit);
    }

    @GET
    @Path("{externalNo}")
    public Uni<ExternalTicketStatus> get(@PathParam("externalNo") @Size(max = 64, message = "工单号最长 64 个字符") String externalNo) {
        return service.get(scope.get(), externalNo);
    }
}
