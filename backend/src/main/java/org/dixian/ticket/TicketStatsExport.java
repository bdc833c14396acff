package org.dixian.ticket;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dhatim.fastexcel.Worksheet;
import org.dixian.platform.excel.Workbooks;
import org.dixian.platform.concurrency.OffLoop;
import org.dixian.platform.security.Scope;

import java.time.LocalDate;
import java.util.List;

/** The ticket statistics as an Excel workbook: one sheet by region, one by category, one by channel. */
@ApplicationScoped
public class TicketStatsExport {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> COLUMNS = List.of("受理量", "按时办结", "超期", "延期", "重办", "已评价",
            "满意（含基本满意）", "满意率");

    private final TicketStatsService stats;

    public TicketStatsExport(TicketStatsService stats) {
        this.stats = stats;
    }

    /** The workbook; scope and parameters are checked by the statistics before anything is written. */
    public Uni<byte[]> export(Scope scope, String region, LocalDate from, LocalDate to) {
        // A few hundred rows at most, but fastexcel writes through a blocking stream: worker pool.
        return stats.stats(scope, region, from, to).chain(s -> OffLoop.run(() -> write(s)));
    }

    static byte[] write(TicketStats s) {
        return Workbooks.write(wb -> {
            sheet(wb.newWorksheet("按区划"), List.of("区划代码", "区划名称"), s.byRegion(), s.total(), true);
            sheet(wb.newWorksheet("按类别"), List.of("类别"), s.byCategory(), s.total(), false);
            sheet(wb.newWorksheet("按渠道"), List.of("渠道"), s.byChannel(), s.total(), false);
        });
    }

    private static void sheet(Worksheet ws, List<String> keyColumns, List<TicketStatsRow> rows, TicketStatsRow total,
                              boolean withCode) {
        int c = Workbooks.header(ws, java.util.stream.Stream.concat(keyColumns.stream(), COLUMNS.stream()).toList());
        int r = 1;
        for (TicketStatsRow row : rows) {
            line(ws, r++, row, withCode, false);
        }
        line(ws, r, total, withCode, true);
        ws.range(r, 0, r, c - 1).style().bold().set();
        ws.width(withCode ? 1 : 0, 20);
    }

    private static void line(Worksheet ws, int r, TicketStatsRow row, boolean withCode, boolean total) {
        int c = 0;
        if (withCode) {
            ws.value(r, c++, total ? "" : row.key());
        }
        ws.value(r, c++, total ? "合计" : row.name() == null ? row.key() : row.name());
        long[] counts = {row.received(), row.onTime(), row.overdue(), row.extended(), row.rehandled(), row.rated(), row.satisfied()};
        for (long n : counts) {
            ws.value(r, c++, n);
        }
        if (row.satisfactionRate() != null) {
            ws.value(r, c, row.satisfactionRate());
            ws.style(r, c).format("0.00%").set();
        }
    }
}
