package org.dixian.worklog;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.LocalDate;

/** 驻村日志: writing, reading, commenting and exporting village work logs. */
@Path("/api/logs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class WorkLogResource {
    private static final String REGION = "^[0-9]{12}$";
    private static final String REGION_MESSAGE = "区划代码应为 12 位数字";

    private final WorkLogService service;
    private final WorkLogExport export;
    private final CurrentScope scope;

    public WorkLogResource(WorkLogService service, WorkLogExport export, CurrentScope scope) {
        this.service = service;
        this.export = export;
        this.scope = scope;
    }

    @GET
    public Uni<WorkLogPage> list(@QueryParam("region") @Pattern(regexp = REGION, message = REGION_MESSAGE) String region,
                                 @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                 @QueryParam("after") Long after,
                                 @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = "最少 1 条") @Max(value = 100, message = "最多 100 条") int limit) {
        return service.list(scope.get(), region, from, to, after, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "日志", content = @Content(schema = @Schema(implementation = WorkLog.class)))
    public Uni<WorkLog> write(@HeaderParam("Idempotency-Key") String idempotencyKey,
                              @Valid @NotNull(message = "请求体不能为空") NewWorkLog body) {
        return service.write(scope.get(), body, idempotencyKey);
    }

    @GET
    @Path("export")
    @Produces(WorkLogExport.XLSX)
    @APIResponse(responseCode = "200", description = "Excel 文件", content = @Content(mediaType = WorkLogExport.XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<RestResponse<byte[]>> export(@QueryParam("region") @Pattern(regexp = REGION, message = REGION_MESSAGE) String region,
                                            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return export.export(scope.get(), region, from, to).map(bytes -> RestResponse.ResponseBuilder.ok(bytes)
                .header("Content-Disposition", "attachment; filename=\"work-logs.xlsx\"; filename*=UTF-8''"
                        + "%E9%A9%BB%E6%9D%91%E6%97%A5%E5%BF%97.xlsx")
                .build());
    }

    @GET
    @Path("{logId}")
    public Uni<WorkLog> get(@PathParam("logId") long logId) {
        return service.get(scope.get(), logId);
    }

    @POST
    @Path("{logId}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "日志", content = @Content(schema = @Schema(implementation = WorkLog.class)))
    public Uni<WorkLog> comment(@PathParam("logId") long logId, @Valid @NotNull(message = "请求体不能为空") NewLogComment body) {
        return service.comment(scope.get(), logId, body);
    }
}
