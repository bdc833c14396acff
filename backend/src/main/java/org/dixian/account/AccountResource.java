package org.dixian.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.dixian.platform.security.Role;
import org.dixian.platform.security.CurrentScope;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

@Path("/api/accounts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final AccountService service;
    private final CurrentScope scope;

    public AccountResource(AccountService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<AccountPage> list(@QueryParam("region") String region,
                                 @QueryParam("role") Role role,
                                 @QueryParam("status") AccountStatus status,
                                 @QueryParam("q") @Size(max = 40, message = "姓名最长 40 个字") String q,
                                 @QueryParam("after") Long after,
                                 @QueryParam("limit") @DefaultValue("50") @Min(value = 1, message = "最少 1 条") @Max(value = 200, message = "最多 200 条") int limit) {
        return service.list(scope.get(), new AccountRepository.Filter(region, role, status, q, after, limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已创建", content = @Content(schema = @Schema(implementation = Account.class)))
    public Uni<Account> create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                               @Valid @NotNull(message = "请求体不能为空") NewAccount body) {
        return service.create(scope.get(), body, idempotencyKey);
    }

    @GET
    @Path("{id}")
    public Uni<Account> get(@PathParam("id") long id) {
        return service.get(scope.get(), id);
    }

    @POST
    @Path("{id}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Account> disable(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") StatusChange body) {
        return service.disable(scope.get(), id, body.reason());
    }

    @POST
    @Path("{id}/enable")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Account> enable(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") StatusChange body) {
        return service.enable(scope.get(), id, body.reason());
    }

    @GET
    @Path("{id}/events")
    public Uni<List<AccountEvent>> events(@PathParam("id") long id) {
        return service.events(scope.get(), id);
    }
}
