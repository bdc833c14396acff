package org.dixian.checkin;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;

/** A village's check-in geofence. */
@Path("/api/villages/{code}/geofence")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GeofenceResource {
    private final GeofenceService service;
    private final CurrentScope scope;

    public GeofenceResource(GeofenceService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<Geofence> get(@PathParam("code") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String code) {
        return service.get(scope.get(), code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Geofence> set(@PathParam("code") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String code,
                             @Valid @NotNull(message = "请求体不能为空") GeofenceUpdate body) {
        return service.set(scope.get(), code, body);
    }
}
