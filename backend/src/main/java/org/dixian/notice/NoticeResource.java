package org.dixian.notice;

import org.dixian.policy.PolicyVersionReason;
import org.dixian.policy.PolicyVersion;
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

/** Notices and public announcements: drafting, publishing, withdrawing, reading, confirming, who has read. */
@Path("/api/notices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {
    private final NoticeService service;
    private final CurrentScope scope;

    public NoticeResource(NoticeService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<NoticePage> list(@QueryParam("kind") NoticeKind kind,
                                @QueryParam("unread") Boolean unread,
                                @QueryParam("after") Long after,
                                @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = "最少 1 条") @Max(value = 100, message = "最多 100 条") int limit) {
        return service.page(scope.get(), kind, Boolean.TRUE.equals(unread), after, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "草稿", content = @Content(schema = @Schema(implementation = Notice.class)))
    public Uni<Notice> create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                              @Valid @NotNull(message = "请求体不能为空") NewNotice body) {
        return service.create(scope.get(), body, idempotencyKey);
    }

    @GET
    @Path("unread-count")
    public Uni<NoticeCounts> unreadCount() {
        return service.counts(scope.get());
    }

    @GET
    @Path("{noticeId}")
    public Uni<Notice> get(@PathParam("noticeId") long noticeId) {
        return service.read(scope.get(), noticeId);
    }

    @POST
    @Path("{noticeId}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Notice> publish(@PathParam("noticeId") long noticeId, @Valid @NotNull(message = "请求体不能为空") PolicyVersion body) {
        return service.publish(scope.get(), noticeId, body);
    }

    @POST
    @Path("{noticeId}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Notice> withdraw(@PathParam("noticeId") long noticeId,
                                @Valid @NotNull(message = "请求体不能为空") PolicyVersionReason body) {
        return service.withdraw(scope.get(), noticeId, body);
    }

    @POST
    @Path("{noticeId}/confirm")
    public Uni<Notice> confirm(@PathParam("noticeId") long noticeId) {
        return service.confirm(scope.get(), noticeId);
    }

    @GET
    @Path("{noticeId}/readers")
    public Uni<NoticeReaders> readers(@PathParam("noticeId") long noticeId,
                                      @QueryParam("after") Long after,
                                      @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = "最少 1 条") @Max(value = 100, message = "最多 100 条") int limit) {
        return service.readers(scope.get(), noticeId, after, limit);
    }
}
