package io.tierline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.funqy.Funq;
import io.quarkus.qute.TemplateInstance;
import io.tierline.core.wiring.LogContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The api function: API Gateway's event in, its reply out, routed to the JAX-RS resources by {@link ApiRoutes}.
 * Quarkus's Lambda HTTP bridge did this through Vert.x, Netty and RESTEasy Reactive, whose start was most of the api's
 * cold start (issue 13; docs/architecture.md, "HTTP without a server"). What the bridge and its filters did for every
 * answer happens here: bad headers refused ({@link HeaderGuard}), the ticket of the route put into the log fields,
 * every failure answered by {@link ProblemMappers}, the security headers added ({@link SecurityHeaders}).
 */
@Singleton
public class HttpApiFunction {
    static {
        ApiResponses.install();
    }

    private static final List<String> TEXT_TYPES = List.of("json", "xml", "javascript", "yaml", "csv",
            "x-www-form-urlencoded");

    @Inject
    ObjectMapper json;
    @Inject
    SecurityHeaders securityHeaders;
    @Inject
    CurrentRequest current;

    private final ProblemMappers problems = new ProblemMappers();
    private final Map<Class<?>, Object> resources = new ConcurrentHashMap<>();
    private volatile ApiRoutes routes;

    @Funq("api")
    public HttpApiReply api(HttpApiEvent event) {
        IncomingRequest request = IncomingRequest.of(event);
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            current.set(request);
            try {
                HeaderGuard.check(event);
                return reply(request, answer(request));
            } catch (InvocationTargetException failed) {
                // the resource method's own failure (an Error too: it is answered, and logged, as a 500)
                return reply(request, problems.toResponse(failed.getCause()));
            } catch (Exception failure) {
                return reply(request, problems.toResponse(failure));
            }
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private Response answer(IncomingRequest request) throws InvocationTargetException, IllegalAccessException {
        ApiRoutes.Match match = routes().find(request.method(), request.rawPath(), request.header("Accept"));
        ApiRoutes.Route route = match.route();
        Map<String, String> pathParameters = new TreeMap<>();
        match.pathParameters().forEach((name, raw) -> pathParameters.put(name,
                IncomingRequest.decodePathSegment(raw)));
        LogContext.ticket(pathParameters.get("id"));
        Object[] arguments = new Object[route.parameters().size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = argument(route.parameters().get(i), request, pathParameters);
        }
        Object resource = resources.computeIfAbsent(route.resource(), type -> Arc.container().instance(type).get());
        Object result = route.method().invoke(resource, arguments);
        if (result instanceof Response response) {
            return response;
        }
        if (result == null) {
            return Response.noContent().build();
        }
        return Response.ok(result, match.type().isWildcardType() ? null : match.type()).build();
    }

    private static Object argument(ApiRoutes.Source source, IncomingRequest request,
                                   Map<String, String> pathParameters) {
        if (source instanceof ApiRoutes.Source.FromPath path) {
            return convert(pathParameters.get(path.name()), path.type());
        }
        if (source instanceof ApiRoutes.Source.FromQuery query) {
            String value = request.queryParameter(query.name());
            return convert(value == null ? query.defaultValue() : value, query.type());
        }
        if (source instanceof ApiRoutes.Source.FromHeader header) {
            return request.header(header.name());
        }
        ApiRoutes.Source.Body body = (ApiRoutes.Source.Body) source;
        return body.type() == byte[].class ? request.body() : new String(request.body(), StandardCharsets.UTF_8);
    }

    /** A path or query parameter of a type other than String; one that does not convert is a 404, as in JAX-RS. */
    private static Object convert(String value, Class<?> type) {
        if (type == String.class || value == null && !type.isPrimitive()) {
            return value;
        }
        try {
            if (type == int.class || type == Integer.class) {
                return value == null ? 0 : Integer.parseInt(value);
            }
            if (type == long.class || type == Long.class) {
                return value == null ? 0L : Long.parseLong(value);
            }
            if (type == boolean.class || type == Boolean.class) {
                return Boolean.parseBoolean(value);
            }
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        throw new IllegalStateException("no conversion of a parameter to " + type.getName());
    }

    private ApiRoutes routes() {
        ApiRoutes table = routes;
        if (table == null) {
            routes = table = ApiRoutes.of(ApiRoutes.RESOURCES);
        }
        return table;
    }

    /** The answer as API Gateway takes it: one value per header, cookies apart, text as text, the rest in base64. */
    private HttpApiReply reply(IncomingRequest request, Response response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> cookies = new ArrayList<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Set-Cookie")) {
                cookies.addAll(values);
            } else {
                headers.put(name, String.join(",", values));
            }
        });
        byte[] body = null;
        Object entity = response.getEntity();
        if (entity != null) {
            MediaType type = response.getMediaType();
            if (type == null) {
                type = entity instanceof String ? MediaType.TEXT_PLAIN_TYPE : entity instanceof byte[]
                        ? MediaType.APPLICATION_OCTET_STREAM_TYPE : MediaType.APPLICATION_JSON_TYPE;
                headers.put("Content-Type", type.toString());
            }
            body = bytes(entity);
        }
        String location = headers.get("Location");
        if (location != null && !URI.create(location).isAbsolute()) {
            headers.put("Location", URI.create(request.baseUri()).resolve(location).toString());
        }
        securityHeaders.addTo(request.rawPath(), headers);
        if (body == null || request.method().equals("HEAD")) {
            return new HttpApiReply(response.getStatus(), headers, cookies.isEmpty() ? null : cookies, null, false);
        }
        boolean text = isText(headers.get("Content-Type"));
        return new HttpApiReply(response.getStatus(), headers, cookies.isEmpty() ? null : cookies,
                text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body), !text);
    }

    private byte[] bytes(Object entity) {
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (entity instanceof TemplateInstance page) {
            return page.render().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer of " + entity.getClass().getName() + " did not serialise", e);
        }
    }

    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || TEXT_TYPES.stream().anyMatch(type::contains);
    }
}
