package org.dixian.household;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dixian.platform.concurrency.OffLoop;
import org.dixian.platform.errors.ApiException;
import org.dixian.platform.errors.RowError;
import org.dixian.platform.idcard.IdCardNumber;
import org.dixian.platform.security.Scope;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Excel import of households and members from the template (one row per person; rows sharing a 户序号 form
 * a household, the 户主 row carries the household's fields). Every row is checked first and every problem
 * reported with its row and column; only a file without problems is written, in one transaction.
 */
@ApplicationScoped
public class HouseholdImport {
    static final List<String> HEADERS = List.of("户序号", "村区划代码", "地址", "农户类别", "监测类型", "风险类型", "姓名", "身份证号",
            "与户主关系", "手机号", "健康状况", "残疾等级", "劳动能力", "务工地点", "低保特困");
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 5000;

    private final HouseholdService households;
    private final Clock clock;

    public HouseholdImport(HouseholdService households, Clock clock) {
        this.households = households;
        this.clock = clock;
    }

    /** One household read from the file: its fields, its members (head first), and the rows they came from. */
    record Parsed(NewHousehold household, List<NewMember> others, int headRow, List<Integer> otherRows) {
    }

    public Uni<ImportResult> importFile(Scope scope, byte[] file) {
        scope.requireRole(HouseholdService.EDITORS);
        if (file == null || file.length == 0) {
            throw ApiException.invalid("file", "请上传 Excel 文件");
        }
        if (file.length > MAX_BYTES) {
            throw ApiException.invalid("file", "文件过大，上限 5 MB（约 5000 行）");
        }
        // Unzipping and parsing is blocking CPU work.
        return OffLoop.run(() -> parse(file)).chain(parsed -> households.importAll(scope, parsed));
    }

    /** The template: headers, one example household and a sheet of allowed values. */
    public Uni<byte[]> template() {
        return OffLoop.run(() -> {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Workbook wb = new Workbook(out, "Dixian", "1.0");
                Worksheet ws = wb.newWorksheet("农户导入");
                for (int c = 0; c < HEADERS.size(); c++) {
                    ws.value(0, c, HEADERS.get(c));
                    ws.style(0, c).bold().set();
                    ws.width(c, c == 7 ? 22 : 12);
                }
                String[][] example = {
                        {"1", "410225101201", "任庄村3组12号", "监测对象", "边缘易致贫户", "因病、因学", "张三", "410225198001010018", "户主",
                                "13800000000", "慢性病", "", "普通劳动力", "县内", "无"},
                        {"1", "", "", "", "", "", "李四", "410225198203040021", "配偶", "", "健康", "", "普通劳动力", "无", "无"}};
                for (int r = 0; r < example.length; r++) {
                    for (int c = 0; c < example[r].length; c++) {
                        ws.value(r + 1, c, example[r][c]);
                    }
                }
                Worksheet help = wb.newWorksheet("填写说明");
                int r = 0;
                help.value(r++, 0, "每行一人；同一户的成员填写相同的户序号；户主所在行填写户的信息（村区划代码、地址、类别等）。");
                help.value(r++, 0, "农户类别：一般农户、脱贫户、监测对象；监测类型：脱贫不稳定户、边缘易致贫户、突发严重困难户；风险类型可填多个，用“、”分隔。");
                for (var e : Labels.MEMBER.entrySet()) {
                    help.value(r++, 0, switch (e.getKey()) {
                        case "relation" -> "与户主关系";
                        case "health" -> "健康状况";
                        case "laborAbility" -> "劳动能力";
                        case "workPlace" -> "务工地点";
                        default -> "低保特困";
                    } + "：" + String.join("、", e.getValue().keySet()));
                }
                wb.finish();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    List<Parsed> parse(byte[] file) {
        List<Row> rows;
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            rows = wb.getFirstSheet().read();
        } catch (Exception e) {
            throw ApiException.invalid("file", "无法读取文件，请上传 .xlsx 格式的 Excel 文件");
        }
        if (rows.isEmpty() || !headers(rows.get(0)).equals(HEADERS)) {
            throw ApiException.invalid("file", "表头与模板不一致，应为：" + String.join("、", HEADERS));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw ApiException.invalid("file", "一次最多导入 " + MAX_ROWS + " 行");
        }
        List<RowError> errors = new ArrayList<>();
        Map<String, List<Integer>> byHousehold = new LinkedHashMap<>();
        Map<String, Integer> seenIds = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 1; i < rows.size(); i++) {
            Row row = rows.get(i);
            int excelRow = row.getRowNum();
            if (headers(row).stream().allMatch(String::isBlank)) {
                continue;
            }
            String key = text(row, 0);
            if (key.isBlank()) {
                errors.add(new RowError(excelRow, "户序号", "请填写户序号"));
                continue;
            }
            byHousehold.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            String id = IdCardNumber.normalise(text(row, 7));
            Optional<String> idProblem = IdCardNumber.problem(id, today);
            if (text(row, 6).isBlank()) {
                errors.add(new RowError(excelRow, "姓名", "请填写姓名"));
            }
            if (idProblem.isPresent()) {
                errors.add(new RowError(excelRow, "身份证号", idProblem.get()));
            } else if (seenIds.putIfAbsent(id, excelRow) != null) {
                errors.add(new RowError(excelRow, "身份证号", "与第 " + seenIds.get(id) + " 行的身份证号重复"));
            }
            String phone = text(row, 9);
            if (!phone.isBlank() && !phone.matches("^1[3-9][0-9]{9}$")) {
                errors.add(new RowError(excelRow, "手机号", "手机号应为 11 位中国大陆手机号"));
            }
            checkCode(errors, excelRow, "与户主关系", "relation", text(row, 8), true);
            checkCode(errors, excelRow, "健康状况", "health", text(row, 10), false);
            checkCode(errors, excelRow, "劳动能力", "laborAbility", text(row, 12), false);
            checkCode(errors, excelRow, "务工地点", "workPlace", text(row, 13), false);
            checkCode(errors, excelRow, "低保特困", "assistanceStatus", text(row, 14), false);
            String grade = text(row, 11);
            if (!grade.isBlank() && !grade.matches("^[1-4]$")) {
                errors.add(new RowError(excelRow, "残疾等级", "残疾等级为 1 到 4"));
            }
        }
        List<Parsed> parsed = new ArrayList<>();
        for (var e : byHousehold.entrySet()) {
            List<Integer> idx = e.getValue();
            List<Integer> heads = idx.stream().filter(i -> "HEAD".equals(Labels.memberCode("relation", text(rows.get(i), 8)))).toList();
            if (heads.size() != 1) {
                errors.add(new RowError(rows.get(idx.get(0)).getRowNum(), "与户主关系",
                        "户序号 " + e.getKey() + " 应有且只有一位户主（现有 " + heads.size() + " 位）"));
                continue;
            }
            Row head = rows.get(heads.get(0));
            int headRow = head.getRowNum();
            HouseholdCategory category = null;
            MonitoringType type = null;
            List<RiskType> risks = new ArrayList<>();
            try {
                category = Labels.categoryOf(text(head, 3));
                if (category == null) {
                    errors.add(new RowError(headRow, "农户类别", "请填写农户类别"));
                }
            } catch (IllegalArgumentException ex) {
                errors.add(new RowError(headRow, "农户类别", ex.getMessage()));
            }
            try {
                type = Labels.monitoringTypeOf(text(head, 4));
            } catch (IllegalArgumentException ex) {
                errors.add(new RowError(headRow, "监测类型", ex.getMessage()));
            }
            for (String r : text(head, 5).split("[、,，;；\\s]+")) {
                try {
                    RiskType rt = Labels.riskTypeOf(r);
                    if (rt != null) {
                        risks.add(rt);
                    }
                } catch (IllegalArgumentException ex) {
                    errors.add(new RowError(headRow, "风险类型", "“" + r + "”" + ex.getMessage()));
                }
            }
            String village = text(head, 1);
            if (!village.matches("^[0-9]{12}$")) {
                errors.add(new RowError(headRow, "村区划代码", "区划代码应为 12 位数字"));
            }
            List<NewMember> others = new ArrayList<>();
            List<Integer> otherRows = new ArrayList<>();
            for (int i : idx) {
                if (i != heads.get(0)) {
                    others.add(member(rows.get(i)));
                    otherRows.add(rows.get(i).getRowNum());
                }
            }
            parsed.add(new Parsed(new NewHousehold(village, blankToNull(text(head, 2)), category, null, null, type, risks,
                    null, null, null, null, member(head)), others, headRow, otherRows));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalidRows("文件中有 " + errors.size() + " 处错误，未导入任何数据", errors);
        }
        if (parsed.isEmpty()) {
            throw ApiException.invalid("file", "文件中没有数据行");
        }
        return parsed;
    }

    private static NewMember member(Row r) {
        String grade = text(r, 11);
        String phone = text(r, 9);
        return new NewMember(text(r, 6), IdCardNumber.normalise(text(r, 7)), Labels.memberCode("relation", text(r, 8)),
                null, null, null, null, Labels.memberCode("health", text(r, 10)),
                grade.isBlank() ? null : Integer.valueOf(grade), Labels.memberCode("laborAbility", text(r, 12)), null,
                Labels.memberCode("workPlace", text(r, 13)), null, null, phone.isBlank() ? null : phone,
                Labels.memberCode("assistanceStatus", text(r, 14)));
    }

    private static void checkCode(List<RowError> errors, int row, String column, String list, String value, boolean required) {
        if (value.isBlank()) {
            if (required) {
                errors.add(new RowError(row, column, "请填写" + column));
            }
            return;
        }
        String code = Labels.memberCode(list, value);
        if (!MemberCodes.ALLOWED.get(list).contains(code)) {
            errors.add(new RowError(row, column, "取值无效，可选：" + String.join("、", Labels.MEMBER.get(list).keySet())));
        }
    }

    private static List<String> headers(Row row) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < HEADERS.size(); c++) {
            out.add(text(row, c));
        }
        return out;
    }

    /** A cell as text; numbers without a fraction lose their ".0" (Excel stores codes typed as numbers). */
    static String text(Row row, int c) {
        if (c >= row.getCellCount()) {
            return "";
        }
        Cell cell = row.getCell(c);
        if (cell == null || cell.getRawValue() == null) {
            return "";
        }
        String v = cell.getRawValue().trim();
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
            try {
                return new java.math.BigDecimal(v).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
