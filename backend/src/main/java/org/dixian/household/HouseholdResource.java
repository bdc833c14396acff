package org.dixian.household;

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
import jakarta.ws.rs.PATCH;
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

import java.util.List;

@Path("/api/households")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdResource {
    private final HouseholdService service;
    private final HouseholdCodeService codes;
    private final HouseholdExport export;
    private final HouseholdImport imports;
    private final CurrentScope scope;

    public HouseholdResource(HouseholdService service, HouseholdCodeService codes, HouseholdExport export,
                             HouseholdImport imports, CurrentScope scope) {
        this.imports = imports;
        this.service = service;
        this.codes = codes;
        this.export = export;
        this.scope = scope;
    }

    @GET
    public Uni<HouseholdPage> search(@QueryParam("region") String region,
                                     @QueryParam("category") HouseholdCategory category,
                                     @QueryParam("monitoringType") MonitoringType monitoringType,
                                     @QueryParam("riskType") RiskType riskType,
                                     @QueryParam("name") @Size(max = 20, message = "姓名最长 20 个字") String name,
                                     @QueryParam("householdNo") @Size(max = 18, message = "户编号最长 18 位") String householdNo,
                                     @QueryParam("idNumber") @Size(max = 18, message = "身份证号码为 18 位") String idNumber,
                                     @QueryParam("phoneLast4") @Pattern(regexp = "^[0-9]{4}$", message = "请输入手机号后四位数字") String phoneLast4,
                                     @QueryParam("after") Long after,
                                     @QueryParam("limit") @DefaultValue("20") @Min(value = 1, message = "最少 1 条") @Max(value = 200, message = "最多 200 条") int limit) {
        return service.search(scope.get(), new HouseholdRepository.Filter(region, category, monitoringType, riskType,
                name, householdNo, idNumber, phoneLast4, after, limit));
    }

    @GET
    @Path("import-template")
    @Produces(HouseholdExport.XLSX)
    @APIResponse(responseCode = "200", description = "导入模板", content = @Content(mediaType = HouseholdExport.XLSX,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Uni<org.jboss.resteasy.reactive.RestResponse<byte[]>> importTemplate() {
        scope.get().requireRole(HouseholdService.EDITORS);
        return imports.template().map(bytes -> org.jboss.resteasy.reactive.RestResponse.ResponseBuilder.ok(bytes)
                .header("Content-Disposition", "attachment; filename=\"household-import-template.xlsx\"").build());
    }

    @POST
    @Path("import")
    @Consumes({HouseholdExport.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已全部导入", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    public Uni<ImportResult> importFile(byte[] file) {
        return imports.importFile(scope.get(), file);
    }

    @GET
    @Path("export")
    @Produces(HouseholdExport.XLSX)
    @APIResponse(responseCode = "200", description = "Excel 工作簿", content = @Content(mediaType = HouseholdExport.XLSX,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public org.jboss.resteasy.reactive.RestMulti<io.vertx.core.buffer.Buffer> export(
            @QueryParam("region") String region,
            @QueryParam("category") HouseholdCategory category,
            @QueryParam("monitoringType") MonitoringType monitoringType,
            @QueryParam("riskType") RiskType riskType,
            @QueryParam("name") @Size(max = 20, message = "姓名最长 20 个字") String name,
            @QueryParam("householdNo") @Size(max = 18, message = "户编号最长 18 位") String householdNo) {
        return export.export(scope.get(), new HouseholdRepository.Filter(region, category, monitoringType, riskType,
                name, householdNo, null, null, null, HouseholdExport.PAGE));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已创建", content = @Content(schema = @Schema(implementation = Household.class)))
    public Uni<Household> create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @Valid @NotNull(message = "请求体不能为空") NewHousehold body) {
        return service.create(scope.get(), body, idempotencyKey);
    }

    @GET
    @Path("{id}")
    public Uni<Household> get(@PathParam("id") long id) {
        return service.get(scope.get(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Household> update(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") HouseholdChange body) {
        return service.update(scope.get(), id, body);
    }

    /** The same change for clients that cannot send PATCH: WeChat's wx.request has no such method. */
    @POST
    @Path("{id}/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Household> updateByPost(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") HouseholdChange body) {
        return service.update(scope.get(), id, body);
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Household> addMember(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") NewMember body) {
        return service.addMember(scope.get(), id, body);
    }

    @POST
    @Path("{id}/members/{memberId}/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Household> removeMember(@PathParam("id") long id, @PathParam("memberId") long memberId,
                                       @Valid @NotNull(message = "请求体不能为空") Reason body) {
        return service.removeMember(scope.get(), id, memberId, body.reason());
    }

    @POST
    @Path("{id}/members/{memberId}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Household> moveMember(@PathParam("id") long id, @PathParam("memberId") long memberId,
                                     @Valid @NotNull(message = "请求体不能为空") MoveRequest body) {
        return service.moveMember(scope.get(), id, memberId, body);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(204)
    @APIResponse(responseCode = "204", description = "已删除（保留历史）")
    public Uni<Void> delete(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") Reason body) {
        return service.delete(scope.get(), id, body.reason());
    }

    @GET
    @Path("{id}/timeline")
    public Uni<List<HouseholdEvent>> timeline(@PathParam("id") long id) {
        return service.timeline(scope.get(), id);
    }

    @GET
    @Path("{id}/viewers")
    public Uni<List<AccessRecord>> viewers(@PathParam("id") long id) {
        return service.viewers(scope.get(), id);
    }

    @POST
    @Path("{id}/reveal")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RevealedValue> reveal(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") RevealRequest body) {
        return service.reveal(scope.get(), id, body);
    }

    @GET
    @Path("{id}/qr.png")
    @Produces("image/png")
    public Uni<byte[]> householdQr(@PathParam("id") long id) {
        return codes.householdQr(scope.get(), id);
    }

    @POST
    @Path("{id}/qr/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseStatus(204)
    @APIResponse(responseCode = "204", description = "已作废并生成新码")
    public Uni<Void> revoke(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") Reason body) {
        return codes.revoke(scope.get(), id, body.reason());
    }

}
