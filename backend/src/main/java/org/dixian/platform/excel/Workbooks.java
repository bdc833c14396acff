package org.dixian.platform.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Small Excel answers written whole in memory (statistics, 政策找人 lists, work logs). fastexcel writes through a
 * blocking stream: call from a worker pool (OffLoop). Lists too large for memory stream instead (HouseholdExport).
 */
public final class Workbooks {
    private Workbooks() {
    }

    /** The .xlsx bytes of a workbook that {@code fill} writes. */
    public static byte[] write(Consumer<Workbook> fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Dixian", "1.0");
            fill.accept(wb);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes {@code columns} in bold as the sheet's first row; answers how many there are. */
    public static int header(Worksheet ws, List<String> columns) {
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c));
        }
        ws.range(0, 0, 0, columns.size() - 1).style().bold().set();
        return columns.size();
    }
}
