package org.dixian.household;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;

@Path("/api")
@Authenticated
public class HouseholdCodeResource {
    private final HouseholdCodeService service;
    private final CurrentScope scope;

    public HouseholdCodeResource(HouseholdCodeService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    @Path("villages/{code}/qr.png")
    @Produces("image/png")
    public Uni<byte[]> villageQr(@PathParam("code") String code) {
        return service.villageQr(scope.get(), code);
    }

    @GET
    @Path("qr/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<QrTarget> resolve(@PathParam("code") @Size(max = 80, message = "二维码内容过长") String code) {
        return service.resolve(scope.get(), code);
    }
}
