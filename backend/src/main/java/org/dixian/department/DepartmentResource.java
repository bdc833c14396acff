package org.dixian.department;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** Departments as ticket handling units: the registry cadres list and register. */
@Path("/api/departments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {
    private final DepartmentService service;
    private final CurrentScope scope;

    public DepartmentResource(DepartmentService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<List<Department>> list(@QueryParam("region") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String region) {
        return service.list(scope.get(), region);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已登记", content = @Content(schema = @Schema(implementation = Department.class)))
    public Uni<Department> create(@Valid @NotNull(message = "请求体不能为空") NewDepartment body) {
        return service.create(scope.get(), body);
    }
}
