package io.tierline.api;

import io.tierline.core.json.Json;
import io.tierline.core.validation.FieldError;
import io.tierline.core.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Refuses, with a 400 naming the header, a request whose headers HTTP does not allow. API Gateway passes a control
 * character in a header value through to the function; nothing here would choke on it, but no client needs one, and
 * a value with a line break is how headers get smuggled into logs and answers.
 */
final class HeaderGuard {
    private static final Logger LOG = Logger.getLogger(HeaderGuard.class);
    /** RFC 9110 section 5.1: a field name is a token. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private HeaderGuard() {
    }

    /** Refuses a request with bad headers: a 400 naming each, answered like any invalid input. */
    static void check(HttpApiEvent event) {
        List<FieldError> errors = problems(event.headers(), event.cookies());
        if (!errors.isEmpty()) {
            LOG.infof("refused a request with %d bad header(s): %s", errors.size(),
                    errors.stream().map(e -> Json.write(e.field())).toList());
            throw new InvalidInputException(errors);
        }
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
