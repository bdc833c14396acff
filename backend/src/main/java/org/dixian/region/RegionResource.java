package org.dixian.region;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;

import java.util.List;

@Path("/api/regions/{code}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {
    private final RegionService service;
    private final CurrentScope scope;

    public RegionResource(RegionService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<Region> get(@PathParam("code") String code) {
        return service.get(scope.get(), code);
    }

    @GET
    @Path("children")
    public Uni<List<Region>> children(@PathParam("code") String code) {
        return service.children(scope.get(), code);
    }

    @GET
    @Path("path")
    public Uni<List<Region>> path(@PathParam("code") String code) {
        return service.path(scope.get(), code);
    }

    @GET
    @Path("search")
    public Uni<List<Region>> search(@PathParam("code") String code,
                                    @QueryParam("q") @NotBlank(message = "请输入要搜索的名称") @Size(max = 40, message = "名称最长 40 个字") String q,
                                    @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = "最少 1 条") @Max(value = 100, message = "最多 100 条") int limit) {
        return service.search(scope.get(), code, q, limit);
    }
}
