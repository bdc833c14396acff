package org.dixian.policy;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.security.CurrentScope;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/** Policies: publishing, lookup and search, explanation, 政策找人 (matches, export, push) and reach. */
@Path("/api/policies")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {
    private static final String REGION = "^[0-9]{12}$";
    private static final String REGION_MESSAGE = "区划代码应为 12 位数字";

    private final PolicyService service;
    private final PolicyMatchService matches;
    private final PolicyExport export;
    private final CurrentScope scope;

    public PolicyResource(PolicyService service, PolicyMatchService matches, PolicyExport export, CurrentScope scope) {
        this.service = service;
        this.matches = matches;
        this.export = export;
        this.scope = scope;
    }

    @GET
    public Uni<PolicyPage> list(@QueryParam("q") @Size(max = 50, message = "关键词最多 50 字") String q,
                                @QueryParam("category") PolicyCategory category,
                                @QueryParam("status") PolicyStatus status,
                                @QueryParam("offset") @DefaultValue("0") @Min(value = 0, message = "offset 不能为负") @Max(value = 10000, message = "offset 最大 10000") int offset,
                                @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = "最少 1 条") @Max(value = 100, message = "最多 100 条") int limit) {
        return service.list(scope.get(), q, category, status, offset, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "草稿", content = @Content(schema = @Schema(implementation = Policy.class)))
    public Uni<Policy> create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                              @Valid @NotNull(message = "请求体不能为空") NewPolicy body) {
        return service.create(scope.get(), body, idempotencyKey);
    }

    @POST
    @Path("conditions/describe")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ConditionsText> describe(@Valid @NotNull(message = "请求体不能为空") ConditionsRequest body) {
        return service.describe(scope.get(), body.conditions());
    }

    @GET
    @Path("{policyId}")
    public Uni<Policy> get(@PathParam("policyId") long policyId) {
        return service.get(scope.get(), policyId);
    }

    @POST
    @Path("{policyId}/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Policy> update(@PathParam("policyId") long policyId, @Valid @NotNull(message = "请求体不能为空") PolicyUpdate body) {
        return service.update(scope.get(), policyId, body);
    }

    @POST
    @Path("{policyId}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Policy> publish(@PathParam("policyId") long policyId, @Valid @NotNull(message = "请求体不能为空") PolicyVersion body) {
        return service.publish(scope.get(), policyId, body);
    }

    @POST
    @Path("{policyId}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Policy> withdraw(@PathParam("policyId") long policyId,
                                @Valid @NotNull(message = "请求体不能为空") PolicyVersionReason body) {
        return service.withdraw(scope.get(), policyId, body);
    }

    @GET
    @Path("{policyId}/explain")
    public Uni<PolicyExplanation> explain(@PathParam("policyId") long policyId, @QueryParam("householdId") Long householdId) {
        return matches.explain(scope.get(), policyId, householdId);
    }

    @GET
    @Path("{policyId}/matches")
    public Uni<PolicyMatchPage> matches(@PathParam("policyId") long policyId,
                                        @QueryParam("region") @Pattern(regexp = REGION, message = REGION_MESSAGE) String region,
                                        @QueryParam("reach") @Schema(enumeration = {"RECEIVING", "NOT_REACHED"}) String reach,
                                        @QueryParam("after") Long after,
                                        @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = "最少 1 条") @Max(value = 100, message = "最多 100 条") int limit) {
        if (reach != null && !reach.equals("RECEIVING") && !reach.equals("NOT_REACHED")) {
            throw ApiException.invalid("reach", "reach 只能是 RECEIVING 或 NOT_REACHED");
        }
        return matches.matches(scope.get(), policyId, region, reach, after, limit);
    }

    @GET
    @Path("{policyId}/matches/export")
    @Produces(PolicyExport.XLSX)
    @APIResponse(responseCode = "200", description = "Excel 文件", content = @Content(mediaType = PolicyExport.XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<RestResponse<byte[]>> export(@PathParam("policyId") long policyId,
                                            @QueryParam("region") @Pattern(regexp = REGION, message = REGION_MESSAGE) String region) {
        return export.export(scope.get(), policyId, region).map(bytes -> RestResponse.ResponseBuilder.ok(bytes)
                .header("Content-Disposition", "attachment; filename=\"policy-matches.xlsx\"; filename*=UTF-8''"
                        + "%E6%94%BF%E7%AD%96%E6%89%BE%E4%BA%BA.xlsx")
                .build());
    }

    @POST
    @Path("{policyId}/notify")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PolicyNotifyResult> notify(@PathParam("policyId") long policyId,
                                          @HeaderParam("Idempotency-Key") String idempotencyKey,
                                          @Valid @NotNull(message = "请求体不能为空") PolicyNotifyRequest body) {
        return matches.notify(scope.get(), policyId, body.region(), idempotencyKey);
    }

    @POST
    @Path("{policyId}/reach/{householdId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<PolicyReach> mark(@PathParam("policyId") long policyId, @PathParam("householdId") long householdId,
                                 @Valid @NotNull(message = "请求体不能为空") PolicyReachUpdate body) {
        return matches.mark(scope.get(), policyId, householdId, body);
    }
}
