package io.tierline.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tierline.core.json.Json;
import io.tierline.core.validation.FieldError;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Refuses, with a 400 naming the header, a request whose headers HTTP does not allow, before Quarkus's Lambda HTTP
 * bridge sees it. API Gateway passes a control character in a header value through to the function; the bridge copies
 * every header into Vert.x's header map, which validates and throws, and the bridge answers that with a bare 500 before
 * any resource or exception mapper runs. Quarkus's Lambda handler is a CDI bean, so this decorator wraps it.
 */
@Decorator
@Priority(10)
public abstract class HeaderGuard implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = Logger.getLogger(HeaderGuard.class);
    /** RFC 9110 section 5.1: a field name is a token. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    @Inject
    @Delegate
    @Any
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> bridge;

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        List<FieldError> errors = problems(event.getHeaders(), event.getCookies());
        if (errors.isEmpty()) {
            return bridge.handleRequest(event, context);
        }
        LOG.infof("refused a request with %d bad header(s): %s", errors.size(),
                errors.stream().map(e -> Json.write(e.field())).toList());
        Map<String, String> headers = new HashMap<>(SecurityHeaders.EVERY_ANSWER);
        headers.put("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        headers.put("Content-Type", Problem.MEDIA_TYPE);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(400).withHeaders(headers)
                .withBody(Json.write(Problem.invalid(errors))).build();
    }

    /**
     * What is wrong with the headers (RFC 9110 section 5): a name that is not a token, or a value with a control
     * character other than tab. Line breaks count: folded header lines are obsolete and no client needs them.
     */
    static List<FieldError> problems(Map<String, String> headers, List<String> cookies) {
        List<FieldError> errors = new ArrayList<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (!TOKEN.matcher(name).matches()) {
                    errors.add(new FieldError(name, "is not a valid header name"));
                } else if (value != null && hasControl(value)) {
                    errors.add(new FieldError(name, "must not contain control characters"));
                }
            });
        }
        if (cookies != null && cookies.stream().anyMatch(HeaderGuard::hasControl)) {
            errors.add(new FieldError("cookie", "must not contain control characters"));
        }
        return errors;
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
    }
}
