package org.dixian.household;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dixian.platform.security.Scope;
import org.jboss.resteasy.reactive.RestMulti;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Excel export of a filtered household list, streamed: the workbook is written on a worker thread page by
 * page (keyset pages of {@link #PAGE}) and sent in chunks as it grows, so a county's list never sits whole
 * in memory. Scope and filters are checked by the first page, before anything is sent.
 */
@ApplicationScoped
public class HouseholdExport {
    static final int PAGE = 1000;
    /** Excel's row limit, less the header. */
    static final int MAX_ROWS = 1_048_575;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> HEADERS = List.of("户编号", "所在村", "区划代码", "户主", "农户类别", "监测类型", "风险类型", "人口");

    private final HouseholdService households;

    public HouseholdExport(HouseholdService households) {
        this.households = households;
    }

    public RestMulti<Buffer> export(Scope scope, HouseholdRepository.Filter filter) {
        HouseholdRepository.Filter first = page(filter, null);
        return RestMulti.fromUniResponse(households.search(scope, first),
                page -> Multi.createFrom().<Buffer>emitter(em ->
                        // fastexcel writes to a blocking OutputStream and later pages are awaited: a worker's job.
                        Infrastructure.getDefaultWorkerPool().execute(() -> write(scope, filter, page, em))),
                page -> Map.of("Content-Disposition", List.of(
                        "attachment; filename=\"households.xlsx\"; filename*=UTF-8''%E5%86%9C%E6%88%B7%E5%90%8D%E5%8D%95.xlsx")));
    }

    private void write(Scope scope, HouseholdRepository.Filter filter, HouseholdPage firstPage, MultiEmitter<? super Buffer> em) {
        try (ChunkedStream out = new ChunkedStream(em)) {
            Workbook wb = new Workbook(out, "Dixian", "1.0");
            Worksheet ws = wb.newWorksheet("农户名单");
            for (int c = 0; c < HEADERS.size(); c++) {
                ws.value(0, c, HEADERS.get(c));
                ws.style(0, c).bold().set();
            }
            int row = 1;
            HouseholdPage page = firstPage;
            while (true) {
                for (HouseholdSummary h : page.items()) {
                    if (row > MAX_ROWS) {
                        break;
                    }
                    ws.value(row, 0, h.householdNo());
                    ws.value(row, 1, h.regionName());
                    ws.value(row, 2, h.regionCode());
                    ws.value(row, 3, h.headName());
                    ws.value(row, 4, Labels.category(h.category()));
                    ws.value(row, 5, h.monitoringType() == null ? "" : Labels.monitoringType(h.monitoringType()));
                    ws.value(row, 6, h.riskTypes().stream().map(Labels::riskType).collect(Collectors.joining("、")));
                    ws.value(row, 7, h.memberCount());
                    row++;
                }
                ws.flush();
                Long next = page.nextAfter();
                if (next == null || row > MAX_ROWS) {
                    break;
                }
                page = VertxContextSupport.subscribeAndAwait(() -> households.search(scope, page(filter, next)));
            }
            ws.finish();
            wb.finish();
            out.flush();
            em.complete();
        } catch (Throwable t) {
            em.fail(t);
        }
    }

    private static HouseholdRepository.Filter page(HouseholdRepository.Filter f, Long after) {
        return new HouseholdRepository.Filter(f.regionCode(), f.category(), f.monitoringType(), f.riskType(), f.headName(),
                f.householdNo(), f.idCardHash(), f.phoneLast4(), after, PAGE);
    }

    /** Hands the workbook to the response in 64 KiB chunks as fastexcel writes it. */
    static final class ChunkedStream extends OutputStream {
        private static final int CHUNK = 64 * 1024;
        private final MultiEmitter<? super Buffer> em;
        private Buffer pending = Buffer.buffer(CHUNK);

        ChunkedStream(MultiEmitter<? super Buffer> em) {
            this.em = em;
        }

        @Override
        public void write(int b) {
            pending.appendByte((byte) b);
            drainIfFull();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pending.appendBytes(b, off, len);
            drainIfFull();
        }

        @Override
        public void flush() {
            if (pending.length() > 0) {
                em.emit(pending);
                pending = Buffer.buffer(CHUNK);
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private void drainIfFull() {
            if (pending.length() >= CHUNK) {
                flush();
            }
        }
    }
}
