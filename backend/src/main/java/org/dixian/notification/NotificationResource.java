package org.dixian.notification;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;

/** The caller's own messages (我的消息). */
@Path("/api/me/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    private final Notifications service;
    private final CurrentScope scope;

    public NotificationResource(Notifications service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<NotificationPage> list(@QueryParam("after") Long after,
                                      @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = "最少 1 条") @Max(value = 100, message = "最多 100 条") int limit) {
        return service.page(scope.get(), after, limit);
    }

    @POST
    @Path("{notificationId}/read")
    public Uni<Notification> read(@PathParam("notificationId") long notificationId) {
        return service.read(scope.get(), notificationId);
    }
}
