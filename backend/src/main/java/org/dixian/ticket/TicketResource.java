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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.CurrentScope;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** Complaint tickets: filing and registering, the inbox, and each step of the cycle. */
@Path("/api/tickets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {
    private final TicketService service;
    private final TicketEscalationService escalation;
    private final CurrentScope scope;

    public TicketResource(TicketService service, TicketEscalationService escalation, CurrentScope scope) {
        this.service = service;
        this.escalation = escalation;
        this.scope = scope;
    }

    @GET
    public Uni<TicketPage> list(@QueryParam("view") @DefaultValue("todo") @Schema(enumeration = {"todo", "all"}, defaultValue = "todo") String view,
                                @QueryParam("status") TicketStatus status,
                                @QueryParam("overdue") Boolean overdue,
                                @QueryParam("after") Long after,
                                @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = "最少 1 条") @Max(value = 100, message = "最多 100 条") int limit) {
        if (!"todo".equals(view) && !"all".equals(view)) {
            throw ApiException.invalid("view", "view 只能是 todo 或 all");
        }
        return service.page(scope.get(), "todo".equals(view), status, Boolean.TRUE.equals(overdue), after, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已登记的工单", content = @Content(schema = @Schema(implementation = Ticket.class)))
    public Uni<Ticket> file(@HeaderParam("Idempotency-Key") String idempotencyKey,
                            @Valid @NotNull(message = "请求体不能为空") NewTicket body) {
        return service.file(scope.get(), body, idempotencyKey);
    }

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已登记的工单", content = @Content(schema = @Schema(implementation = Ticket.class)))
    public Uni<Ticket> register(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                @Valid @NotNull(message = "请求体不能为空") RegisteredTicket body) {
        return service.registerByCadre(scope.get(), body, idempotencyKey);
    }

    @GET
    @Path("bulletin")
    public Uni<List<Ticket>> bulletin() {
        return escalation.bulletin(scope.get());
    }

    @GET
    @Path("{ticketId}")
    public Uni<Ticket> get(@PathParam("ticketId") long ticketId) {
        return service.get(scope.get(), ticketId);
    }

    @POST
    @Path("{ticketId}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> accept(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketAccept body) {
        return service.accept(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/refuse")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> refuse(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketVersionReason body) {
        return service.refuse(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> assign(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketAssign body) {
        return service.assign(scope.get(), ticketId, body);
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
    @Path("{ticketId}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> requestExtension(@PathParam("ticketId") long ticketId,
                                        @Valid @NotNull(message = "请求体不能为空") TicketExtensionRequest body) {
        return escalation.requestExtension(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/extension/decide")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> decideExtension(@PathParam("ticketId") long ticketId,
                                       @Valid @NotNull(message = "请求体不能为空") TicketExtensionDecision body) {
        return escalation.decideExtension(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/urge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> urge(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketReason body) {
        return escalation.urge(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/supervise")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> supervise(@PathParam("ticketId") long ticketId,
                                 @Valid @NotNull(message = "请求体不能为空") TicketSupervision body) {
        return escalation.supervise(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/rate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> rate(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketRating body) {
        return service.rate(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/follow-up")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> followUp(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketFollowUp body) {
        return service.followUp(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/complainant")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Complainant> complainant(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketReason body) {
        return service.complainant(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> split(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketSplit body) {
        return escalation.split(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> merge(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketMerge body) {
        return escalation.merge(scope.get(), ticketId, body);
    }

    @POST
    @Path("{ticketId}/open-case")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Ticket> openCase(@PathParam("ticketId") long ticketId, @Valid @NotNull(message = "请求体不能为空") TicketOpenCase body) {
        return escalation.openCase(scope.get(), ticketId, body);
    }
}
