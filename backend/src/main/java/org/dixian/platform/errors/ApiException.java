package org.dixian.platform.errors;

import java.util.List;

/** A domain failure with an HTTP status, a stable problem type and a Chinese message for the user. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private List<RowError> rows = List.of();
    private String existing;

    public ApiException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Row-level problems of an uploaded file (row, column, message). */
    public List<RowError> rows() {
        return rows;
    }

    /** For a conflict with a record that already exists: its address, e.g. "/api/cases/42". */
    public String existing() {
        return existing;
    }

    public static ApiException conflictWith(String detail, String existingPath) {
        ApiException e = conflict(detail);
        e.existing = existingPath;
        return e;
    }

    public static ApiException invalidRows(String detail, List<RowError> rows) {
        ApiException e = new ApiException(400, "invalid-file", "文件内容有误", detail, null);
        e.rows = List.copyOf(rows);
        return e;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "未找到", detail, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "无权操作", detail, null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "未登录或登录已失效", detail, null);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "与现有数据冲突", detail, null);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "validation", "请求参数有误", message, List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(400, "validation", "请求参数有误",
                errors.isEmpty() ? "请求参数有误" : errors.get(0).message(), errors);
    }

    public static ApiException tooManyRequests(String detail) {
        return new ApiException(429, "too-many-requests", "请求过于频繁", detail, null);
    }

    public static ApiException upstream(String detail) {
        return new ApiException(502, "upstream", "外部服务暂不可用", detail, null);
    }
}
