package org.dixian.platform.errors;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Unknown paths under /api and /auth answer a problem, not the static file server's bare 404.
 * The least specific match in JAX-RS, so real resources always win.
 */
@Path("/")
public class NotFoundCatchAll {
    private static final String ANY = "{prefix: api|auth}/{rest: .*}";

    @GET
    @Path(ANY)
    @Operation(hidden = true)
    public void get() {
        throw unknown();
    }

    @POST
    @Path(ANY)
    @Operation(hidden = true)
    public void post() {
        throw unknown();
    }

    @PUT
    @Path(ANY)
    @Operation(hidden = true)
    public void put() {
        throw unknown();
    }

    @PATCH
    @Path(ANY)
    @Operation(hidden = true)
    public void patch() {
        throw unknown();
    }

    @DELETE
    @Path(ANY)
    @Operation(hidden = true)
    public void delete() {
        throw unknown();
    }

    private static ApiException unknown() {
        return ApiException.notFound("请求的地址不存在");
    }
}
