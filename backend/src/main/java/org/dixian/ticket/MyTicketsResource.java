package org.dixian.ticket;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;

import java.util.List;

/** The farmer's own tickets. */
@Path("/api/me/tickets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MyTicketsResource {
    private final TicketService service;
    private final CurrentScope scope;

    public MyTicketsResource(TicketService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<List<Ticket>> mine() {
        return service.mine(scope.get());
    }
}
