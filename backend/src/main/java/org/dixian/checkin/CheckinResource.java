package org.dixian.checkin;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/** Check-ins for a piece of work, and the rules of the caller's province. */
@Path("/api/checkins")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CheckinResource {
    private final CheckinService service;
    private final CurrentScope scope;

    public CheckinResource(CheckinService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    @Path("rules")
    public CheckinRules rules() {
        return service.rules(scope.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "签到记录", content = @Content(schema = @Schema(implementation = Checkin.class)))
    @APIResponse(responseCode = "200", description = "同一工作同一天已签到：原记录", content = @Content(schema = @Schema(implementation = Checkin.class)))
    public Uni<RestResponse<Checkin>> checkIn(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                              @Valid @NotNull(message = "请求体不能为空") NewCheckin body) {
        return service.checkIn(scope.get(), body, idempotencyKey).map(r -> r.created()
                ? RestResponse.status(RestResponse.Status.CREATED, r.checkin())
                : RestResponse.ok(r.checkin()));
    }

    @GET
    @Path("{checkinId}")
    public Uni<Checkin> get(@PathParam("checkinId") long checkinId) {
        return service.get(scope.get(), checkinId);
    }
}
