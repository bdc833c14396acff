package org.dixian.worklog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dhatim.fastexcel.Worksheet;
import org.dixian.platform.excel.Workbooks;
import org.dixian.platform.concurrency.OffLoop;
import org.dixian.platform.security.Role;
import org.dixian.platform.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The work logs of a region and period as an Excel workbook, one row per log. */
@ApplicationScoped
public class WorkLogExport {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> COLUMNS = List.of("日期", "村代码", "村", "作者", "角色", "内容", "照片数", "关联农户数", "批注");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A comment as exported. */
    public record Comment(String name, Role role, String content, OffsetDateTime at) {
    }

    /** A log as exported. */
    public record Row(LocalDate date, String villageCode, String villageName, String author, Role role, String content,
                      int photos, int households, List<Comment> comments) {
    }

    private final WorkLogService service;
    private final Clock clock;

    public WorkLogExport(WorkLogService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** The workbook; scope and parameters are checked before anything is written. */
    public Uni<byte[]> export(Scope scope, String region, LocalDate from, LocalDate to) {
        // fastexcel writes through a blocking stream and a year of a county is tens of thousands of rows: worker pool.
        return service.exportRows(scope, region, from, to).chain(rows -> OffLoop.run(() -> write(rows)));
    }

    byte[] write(List<Row> rows) {
        return Workbooks.write(wb -> {
            Worksheet ws = wb.newWorksheet("驻村日志");
            Workbooks.header(ws, COLUMNS);
            int r = 1;
            for (Row row : rows) {
                ws.value(r, 0, row.date().toString());
                ws.value(r, 1, row.villageCode());
                ws.value(r, 2, row.villageName());
                ws.value(r, 3, row.author());
                ws.value(r, 4, row.role() == null ? null : row.role().label());
                ws.value(r, 5, row.content());
                ws.value(r, 6, row.photos());
                ws.value(r, 7, row.households());
                ws.value(r, 8, row.comments().stream().map(this::comment).collect(Collectors.joining("\n")));
                r++;
            }
            ws.width(5, 60);
            ws.width(8, 40);
        });
    }

    private String comment(Comment c) {
        String who = (c.name() == null ? "" : c.name()) + (c.role() == null ? "" : "（" + c.role().label() + "）");
        return who + " " + c.at().atZoneSameInstant(clock.getZone()).format(TIME) + "：" + c.content();
    }
}
