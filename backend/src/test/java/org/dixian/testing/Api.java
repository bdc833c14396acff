package org.dixian.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;

import java.nio.file.Path;

/**
 * REST Assured request specifications for API tests. {@link #given()} validates the request and the response
 * against openapi/openapi.yaml; {@link #unchecked()} validates only the response, for requests that break
 * the contract on purpose (the validator would reject them before they reach the server).
 */
public final class Api {
    private static OpenApiInteractionValidator validator;

    private Api() {
    }

    /** Anonymous request, request and response checked against the contract. */
    public static RequestSpecification given() {
        return base().filter(new Contract());
    }

    /** Request carrying the principal's valid access token, checked against the contract. */
    public static RequestSpecification as(Tokens.Principal principal) {
        return bearer(principal.token());
    }

    /** Request carrying exactly this bearer token (valid or not), checked against the contract. */
    public static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** Deliberately malformed requests: only the response is checked against the contract. */
    public static RequestSpecification unchecked() {
        return base().filter(new ResponseOnlyValidation());
    }

    /** No contract check at all (e.g. a path that is not in the contract). */
    public static RequestSpecification bare() {
        return base();
    }

    private static RequestSpecification base() {
        return RestAssured.given()
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .defaultContentCharset("UTF-8")
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            String file = System.getProperty("dixian.openapi-file");
            if (file == null) {
                throw new IllegalStateException("system property dixian.openapi-file is not set (see backend/pom.xml)");
            }
            validator = OpenApiInteractionValidator.createForSpecificationUrl(Path.of(file).toUri().toString())
                    // Tests send requests without a token on purpose; the server's answer is what is checked.
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        }
        return validator;
    }

    /**
     * Request and response checked; a multipart request only by its response, because the validator does not see
     * REST Assured's multipart body and would call it missing.
     */
    static final class Contract implements Filter {
        private final OpenApiValidationFilter full = new OpenApiValidationFilter(validator());
        private final ResponseOnlyValidation responseOnly = new ResponseOnlyValidation();

        @Override
        public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
            return req.getMultiPartParams().isEmpty() ? full.filter(req, res, ctx) : responseOnly.filter(req, res, ctx);
        }
    }

    /** Validates the response against the operation the request addressed, whatever the request was. */
    static final class ResponseOnlyValidation implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
            Response response = ctx.next(req, res);
            Request request = RestAssuredRequest.of(req);
            ValidationReport report = validator().validateResponse(request.getPath(), request.getMethod(),
                    RestAssuredResponse.of(response));
            if (report.hasErrors()) {
                throw new AssertionError("response breaks the contract: "
                        + SimpleValidationReportFormat.getInstance().apply(report));
            }
            return response;
        }
    }
}
