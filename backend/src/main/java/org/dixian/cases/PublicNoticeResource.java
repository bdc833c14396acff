package org.dixian.cases;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

/** 公示: open to anyone, no login — the village's board and the objection form. */
@Path("/api/public")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PublicNoticeResource {
    private final NoticeService notices;

    public PublicNoticeResource(NoticeService notices) {
        this.notices = notices;
    }

    @GET
    @Path("villages/{code}/notices")
    public Uni<VillageNoticeBoard> board(@PathParam("code") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String code) {
        return notices.board(code);
    }

    @POST
    @Path("notices/{caseId}/objections")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已收到的异议（内容回显，不含联系方式）", content = @Content(schema = @Schema(implementation = ObjectionReceipt.class)))
    public Uni<ObjectionReceipt> object(@PathParam("caseId") long caseId, @Valid @NotNull(message = "请求体不能为空") NewObjection body,
                                        @Context HttpServerRequest request) {
        return notices.file(caseId, body, request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
    }
}
