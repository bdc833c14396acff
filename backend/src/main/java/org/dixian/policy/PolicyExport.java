package org.dixian.policy;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dhatim.fastexcel.Worksheet;
import org.dixian.platform.excel.Workbooks;
import org.dixian.platform.concurrency.OffLoop;
import org.dixian.platform.security.Scope;

import java.util.List;

/** 政策找人 results as an Excel workbook: every eligible household of the region with its reach and reason. */
@ApplicationScoped
public class PolicyExport {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("户编号", "户主", "区划代码", "所在村", "触达情况", "符合理由");

    private final PolicyMatchService matches;

    public PolicyExport(PolicyMatchService matches) {
        this.matches = matches;
    }

    public Uni<byte[]> export(Scope scope, long policyId, String region) {
        // fastexcel writes through a blocking stream, and a county's list has thousands of rows: worker pool.
        return matches.allMatches(scope, policyId, region).chain(rows -> OffLoop.run(() -> write(rows)));
    }

    static byte[] write(List<PolicyMatch> rows) {
        return Workbooks.write(wb -> {
            Worksheet ws = wb.newWorksheet("符合条件的农户");
            Workbooks.header(ws, COLUMNS);
            int r = 1;
            for (PolicyMatch m : rows) {
                ws.value(r, 0, m.householdNo());
                ws.value(r, 1, m.headName());
                ws.value(r, 2, m.regionCode());
                ws.value(r, 3, m.regionName());
                ws.value(r, 4, m.reach() == null ? "未触达" : PolicyMatchService.reachName(m.reach()));
                ws.value(r, 5, m.reason());
                r++;
            }
            ws.width(0, 22);
            ws.width(5, 60);
        });
    }
}
