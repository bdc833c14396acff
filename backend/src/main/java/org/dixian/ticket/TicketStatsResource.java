package org.dixian.ticket;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.LocalDate;

/** Ticket statistics of a region (township cadres and above), as JSON or as an Excel workbook. */
@Path("/api/tickets/stats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TicketStatsResource {
    private static final String REGION = "^[0-9]{12}$";
    private static final String REGION_MESSAGE = "区划代码应为 12 位数字";

    private final TicketStatsService service;
    private final TicketStatsExport export;
    private final CurrentScope scope;

    public TicketStatsResource(TicketStatsService service, TicketStatsExport export, CurrentScope scope) {
        this.service = service;
        this.export = export;
        this.scope = scope;
    }

    @GET
    public Uni<TicketStats> stats(@QueryParam("region") @Pattern(regexp = REGION, message = REGION_MESSAGE) String region,
                                  @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return service.stats(scope.get(), region, from, to);
    }

    @GET
    @Path("export")
    @Produces(TicketStatsExport.XLSX)
    @APIResponse(responseCode = "200", description = "Excel 工作簿", content = @Content(mediaType = TicketStatsExport.XLSX,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<RestResponse<byte[]>> export(@QueryParam("region") @Pattern(regexp = REGION, message = REGION_MESSAGE) String region,
                                            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return export.export(scope.get(), region, from, to).map(bytes -> RestResponse.ResponseBuilder.ok(bytes)
                .header("Content-Disposition", "attachment; filename=\"ticket-stats.xlsx\"; filename*=UTF-8''"
                        + "%E5%B7%A5%E5%8D%95%E7%BB%9F%E8%AE%A1.xlsx")
                .build());
    }
}
