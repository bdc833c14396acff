package org.dixian.team;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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

import java.time.YearMonth;
import java.util.List;

/** Resident teams: members, attendance summaries and leave requests. */
@Path("/api/teams")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {
    private static final String MONTH = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    private final TeamService teams;
    private final LeaveService leaves;
    private final AttendanceService attendance;
    private final CurrentScope scope;

    public TeamResource(TeamService teams, LeaveService leaves, AttendanceService attendance, CurrentScope scope) {
        this.teams = teams;
        this.leaves = leaves;
        this.attendance = attendance;
        this.scope = scope;
    }

    @GET
    public Uni<List<ResidentTeam>> list(@QueryParam("region") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String region) {
        return teams.list(scope.get(), region);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "工作队", content = @Content(schema = @Schema(implementation = ResidentTeam.class)))
    public Uni<ResidentTeam> create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                    @Valid @NotNull(message = "请求体不能为空") NewResidentTeam body) {
        return teams.create(scope.get(), body, idempotencyKey);
    }

    @GET
    @Path("{teamId}")
    public Uni<ResidentTeam> get(@PathParam("teamId") long teamId) {
        return teams.get(scope.get(), teamId);
    }

    @POST
    @Path("{teamId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "工作队", content = @Content(schema = @Schema(implementation = ResidentTeam.class)))
    public Uni<ResidentTeam> addMember(@PathParam("teamId") long teamId, @Valid @NotNull(message = "请求体不能为空") NewTeamMember body) {
        return teams.addMember(scope.get(), teamId, body);
    }

    @POST
    @Path("{teamId}/members/{memberId}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ResidentTeam> endMember(@PathParam("teamId") long teamId, @PathParam("memberId") long memberId,
                                       @Valid @NotNull(message = "请求体不能为空") EndTeamMember body) {
        return teams.endMember(scope.get(), teamId, memberId, body);
    }

    @GET
    @Path("{teamId}/attendance")
    public Uni<TeamAttendance> attendance(@PathParam("teamId") long teamId,
                                          @QueryParam("month") @Pattern(regexp = MONTH, message = "月份格式应为 YYYY-MM") String month) {
        return attendance.month(scope.get(), teamId, month == null ? null : YearMonth.parse(month));
    }

    @GET
    @Path("{teamId}/leaves")
    public Uni<List<Leave>> leaves(@PathParam("teamId") long teamId, @QueryParam("status") LeaveStatus status) {
        return leaves.list(scope.get(), teamId, status);
    }

    @POST
    @Path("{teamId}/leaves")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "请假", content = @Content(schema = @Schema(implementation = Leave.class)))
    public Uni<Leave> requestLeave(@PathParam("teamId") long teamId, @HeaderParam("Idempotency-Key") String idempotencyKey,
                                   @Valid @NotNull(message = "请求体不能为空") NewLeave body) {
        return leaves.request(scope.get(), teamId, body, idempotencyKey);
    }

    @POST
    @Path("{teamId}/leaves/{leaveId}/decide")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Leave> decide(@PathParam("teamId") long teamId, @PathParam("leaveId") long leaveId,
                             @Valid @NotNull(message = "请求体不能为空") LeaveDecision body) {
        return leaves.decide(scope.get(), teamId, leaveId, body);
    }
}
