package org.dixian.platform.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The one place where failures become application/problem+json answers; nothing internal leaks out. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper(priority = 100)
    public Response api(ApiException e, UriInfo uri) {
        if (!e.rows().isEmpty() || e.existing() != null) {
            Problem p = new Problem(Problem.TYPE_BASE + e.type(), e.title(), e.status(), e.getMessage(),
                    uri != null ? uri.getPath() : null, e.errors().isEmpty() ? null : e.errors(),
                    e.rows().isEmpty() ? null : e.rows(), e.existing());
            return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(p).build();
        }
        return respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper(priority = 100)
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .collect(Collectors.toList());
        String detail = errors.isEmpty() ? "请求参数有误" : errors.get(0).field() + ": " + errors.get(0).message();
        return respond(400, "validation", "请求参数有误", detail, uri, errors);
    }

    /** Registered for the exact type too: Quarkus has a built-in mapper for it that answers an empty 400. */
    @ServerExceptionMapper(priority = 100)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 100)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = 100)
    public Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
            String field = path(f);
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "，可选值：" + java.util.Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "))
                    : "";
            String msg = "取值无效" + allowed;
            return respond(400, "validation", "请求参数有误", field + ": " + msg, uri, List.of(new FieldError(field, msg)));
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return respond(400, "validation", "请求参数有误", field + ": 不支持的字段", uri,
                    List.of(new FieldError(field, "不支持的字段")));
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            return respond(400, "validation", "请求参数有误", field + ": 类型不正确", uri,
                    List.of(new FieldError(field, "类型不正确")));
        }
        return respond(400, "malformed-body", "请求体格式错误", "请求体不是有效的 JSON", uri, null);
    }

    @ServerExceptionMapper(priority = 100)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(401, "unauthorized", "未登录或登录已失效", "请先登录", uri, null);
    }

    @ServerExceptionMapper(priority = 100)
    public Response authFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(401, "unauthorized", "未登录或登录已失效", "登录凭证无效或已过期，请重新登录", uri, null);
    }

    @ServerExceptionMapper(priority = 100)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "无权操作", "当前角色无权进行此操作", uri, null);
    }

    @ServerExceptionMapper(priority = 100)
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers a query or path parameter it cannot convert (role=KING, limit=many) with 404.
            return respond(400, "validation", "请求参数有误", "请求参数的取值或类型不正确", uri, null);
        }
        if (e instanceof NotFoundException) {
            return respond(404, "not-found", "未找到", "请求的地址不存在", uri, null);
        }
        if (e instanceof NotAllowedException) {
            return respond(405, "method-not-allowed", "不支持的请求方法", "该地址不支持此请求方法", uri, null);
        }
        if (e instanceof NotSupportedException) {
            return respond(415, "unsupported-media-type", "不支持的内容类型", "请求的内容类型不受支持，请使用 application/json", uri, null);
        }
        if (e instanceof NotAcceptableException) {
            return respond(406, "not-acceptable", "无法提供所需格式", "无法按请求的格式返回结果", uri, null);
        }
        if (e.getCause() instanceof JsonProcessingException j) {
            return json(j, uri);
        }
        if (status >= 400 && status < 500) {
            return respond(status, "bad-request", "请求有误", "请求有误", uri, null);
        }
        LOG.error("Unhandled web failure", e);
        return respond(500, "internal", "服务器内部错误", "服务器处理出错，请稍后再试", uri, null);
    }

    @ServerExceptionMapper(priority = 200)
    public Response any(Throwable e, UriInfo uri) {
        // A unique index had the last word (two requests raced past the service's own check).
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
                return respond(409, "conflict", "与现有数据冲突", "数据已存在，请勿重复提交", uri, null);
            }
            if (c instanceof org.hibernate.StaleStateException || c instanceof jakarta.persistence.OptimisticLockException) {
                return respond(409, "conflict", "与现有数据冲突", "数据已被他人修改，请刷新后重试", uri, null);
            }
            // A connection pool (database or Redis) has more waiting requests than it accepts: overload, not a bug.
            if (c instanceof io.vertx.core.http.ConnectionPoolTooBusyException) {
                LOG.warn("Overloaded: " + c.getMessage());
                return respond(503, "unavailable", "服务繁忙", "当前办理的人较多，请稍后再试", uri, null);
            }
        }
        LOG.error("Unhandled failure", e);
        return respond(500, "internal", "服务器内部错误", "服务器处理出错，请稍后再试", uri, null);
    }

    static Response respond(int status, String type, String title, String detail, UriInfo uri, List<FieldError> errors) {
        Problem p = new Problem(Problem.TYPE_BASE + type, title, status, detail,
                uri != null ? uri.getPath() : null, errors == null || errors.isEmpty() ? null : errors, null, null);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** "create.arg0.phone" (method, parameter, property) → "phone"; query parameters keep their name. */
    private static String fieldOf(ConstraintViolation<?> v) {
        String p = v.getPropertyPath().toString();
        String[] parts = p.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }
}
