package org.dixian.checkin;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dixian.platform.security.CurrentScope;

import java.time.YearMonth;
import java.util.List;

/** The caller's own check-ins; there is no endpoint that lists other people's. */
@Path("/api/me/checkins")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MyCheckinsResource {
    private final CheckinService service;
    private final CurrentScope scope;

    public MyCheckinsResource(CheckinService service, CurrentScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    public Uni<List<Checkin>> mine(@QueryParam("month") @Pattern(regexp = "^[0-9]{4}-(0[1-9]|1[0-2])$", message = "月份格式应为 YYYY-MM") String month) {
        return service.mine(scope.get(), month == null ? null : YearMonth.parse(month));
    }
}
