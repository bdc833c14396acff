package org.dixian.cases;

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
import org.dixian.platform.security.CurrentScope;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Identification cases: declarations by farmers, the region's cases for cadres. */
@Path("/api/cases")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {
    private final CaseService service;
    private final CurrentScope scope;

    private final ChainService chain;
    private final NoticeService notices;

    public CaseResource(CaseService service, ChainService chain, NoticeService notices, CurrentScope scope) {
        this.service = service;
        this.chain = chain;
        this.notices = notices;
        this.scope = scope;
    }

    @GET
    public Uni<CasePage> list(@QueryParam("region") @jakarta.validation.constraints.Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String region,
                              @QueryParam("open") @DefaultValue("true") boolean open,
                              @QueryParam("after") Long after,
                              @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = "最少 1 条") @Max(value = 200, message = "最多 200 条") int limit) {
        return service.page(scope.get(), region, open, after, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已发起的案件", content = @Content(schema = @Schema(implementation = Case.class)))
    public Uni<Case> open(@HeaderParam("Idempotency-Key") String idempotencyKey,
                          @Valid @NotNull(message = "请求体不能为空") NewCase body) {
        return service.open(scope.get(), body, idempotencyKey);
    }

    @POST
    @Path("declarations")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已受理的申报（进入入户核实）", content = @Content(schema = @Schema(implementation = Case.class)))
    public Uni<Case> declare(@HeaderParam("Idempotency-Key") String idempotencyKey,
                             @Valid @NotNull(message = "请求体不能为空") NewDeclaration body) {
        return service.declare(scope.get(), body, idempotencyKey);
    }

    @GET
    @Path("{caseId}")
    public Uni<Case> get(@PathParam("caseId") long caseId) {
        return service.get(scope.get(), caseId);
    }

    @POST
    @Path("{caseId}/visit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Case> visit(@PathParam("caseId") long caseId, @Valid @NotNull(message = "请求体不能为空") NewVisit body) {
        return service.visit(scope.get(), caseId, body);
    }

    @POST
    @Path("{caseId}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Case> withdraw(@PathParam("caseId") long caseId,
                              @Valid @NotNull(message = "请求体不能为空") org.dixian.household.Reason body) {
        return service.withdraw(scope.get(), caseId, body.reason());
    }

    @POST
    @Path("{caseId}/village-review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Case> villageReview(@PathParam("caseId") long caseId,
                                   @Valid @NotNull(message = "请求体不能为空") VillageReviewRequest body) {
        return chain.villageReview(scope.get(), caseId, body);
    }

    @POST
    @Path("{caseId}/notice/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Case> closeNotice(@PathParam("caseId") long caseId, @Valid @NotNull(message = "请求体不能为空") CaseVersion body) {
        return chain.closeNotice(scope.get(), caseId, body);
    }

    @POST
    @Path("{caseId}/township-review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Case> townshipReview(@PathParam("caseId") long caseId,
                                    @Valid @NotNull(message = "请求体不能为空") StageDecisionRequest body) {
        return chain.townshipReview(scope.get(), caseId, body);
    }

    @POST
    @Path("{caseId}/county-approval")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Case> countyApproval(@PathParam("caseId") long caseId,
                                    @Valid @NotNull(message = "请求体不能为空") StageDecisionRequest body) {
        return chain.countyApproval(scope.get(), caseId, body);
    }

    @GET
    @Path("{caseId}/objections")
    public Uni<java.util.List<Objection>> objections(@PathParam("caseId") long caseId) {
        return notices.list(scope.get(), caseId);
    }

    @POST
    @Path("{caseId}/objections/{objectionId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Objection> answer(@PathParam("caseId") long caseId, @PathParam("objectionId") long objectionId,
                                 @Valid @NotNull(message = "请求体不能为空") ObjectionAnswer body) {
        return notices.answer(scope.get(), caseId, objectionId, body);
    }
}
