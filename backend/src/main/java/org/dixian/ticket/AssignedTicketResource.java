package org.dixian.ticket;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import java.time.OffsetDateTime;

/** Department systems handle the tickets given to their departments (client credentials, scope tickets:handle). */
@Path("/api/external/assigned-tickets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AssignedTicketResource {
    private final AssignedTicketService service;
    private final CurrentScope scope;

    public AssignedTicketResource(AssignedTicketService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<AssignedTicketPage> list(@QueryParam("updatedAfter") OffsetDateTime updatedAfter,
                                        @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "最少 1 条") @Max(value = 500, message = "最多 500 条") int limit) {
        return service.page(scope.get(), updatedAfter, limit);
    }

    @GET
    @Path("{ticketId}")
    public Uni<Ticket> get(@PathParam("ticketId") long ticketId) {
        return service.get(scope.get(), ticketId);
    }

    @POST
    @Path("{ticketId}/complainant")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Complainant> complainant(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketReason body) {
        return service.complainant(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> action(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketNote body) {
        return service.action(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> reply(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketVersionContent body) {
        return service.reply(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> giveBack(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketVersionReason body) {
        return service.giveBack(scope.get(), ticketId, body);
    }
}
