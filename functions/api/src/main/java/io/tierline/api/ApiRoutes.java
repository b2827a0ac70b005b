package io.tierline.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The api's routes, read once from the JAX-RS annotations of its resources ({@code @Path}, {@code @GET}/{@code @POST}/
 * {@code @PUT}, {@code @PathParam}, {@code @QueryParam}, {@code @HeaderParam}, {@code @DefaultValue},
 * {@code @Produces}; an unannotated {@code byte[]} or {@code String} parameter is the body), and matched as JAX-RS
 * matches them: the template with the most literal characters, then the most variables, wins; a path that no route of
 * the method matches is a 405, a path nothing matches a 404, an Accept that none of the route's types satisfies a 406.
 * Only these annotations are read: anything else on a resource method's parameter is refused when the table is built,
 * so an unsupported JAX-RS feature fails the first request (and {@code ApiRoutesTest}) instead of binding null.
 */
final class ApiRoutes {
    /** Every resource of the api; {@code ApiRoutesTest} checks that no {@code @Path} class is missing. */
    static final List<Class<?>> RESOURCES = List.of(TicketResource.class, AgentTicketResource.class,
            CustomerTicketResource.class, StatusPageResource.class, PageResource.class, AssetResource.class,
            DashboardResource.class, DeflectionResource.class, ArticleResource.class, KnowledgeReportResource.class,
            OpenApiResource.class, OutboxResource.class, PeopleResource.class, QueueResource.class,
            ReportResource.class, ReviewResource.class, TriageDryRunResource.class);

    /** Where a resource method's argument comes from. */
    sealed interface Source {
        record FromPath(String name, Class<?> type) implements Source {
        }

        record FromQuery(String name, String defaultValue, Class<?> type) implements Source {
        }

        record FromHeader(String name) implements Source {
        }

        record Body(Class<?> type) implements Source {
        }
    }

    /** A path template such as {@code /tickets/{id}/escalations/{sequence}/feedback}. */
    record PathTemplate(String template, Pattern pattern, List<String> names, int literals) {
        private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

        static PathTemplate of(String template) {
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            Matcher variable = VARIABLE.matcher(template);
            int literals = 0;
            int last = 0;
            while (variable.find()) {
                regex.append(Pattern.quote(template.substring(last, variable.start()))).append("([^/]+)");
                literals += variable.start() - last;
                names.add(variable.group(1));
                last = variable.end();
            }
            if (template.indexOf('{', last) >= 0) {
                throw new IllegalStateException("unsupported path template " + template
                        + ": only {name} variables are routed");
            }
            regex.append(Pattern.quote(template.substring(last)));
            literals += template.length() - last;
            return new PathTemplate(template, Pattern.compile(regex + "/?"), List.copyOf(names), literals);
        }

        /** The variables' values, still percent-encoded, if the path matches. */
        Optional<Map<String, String>> match(String rawPath) {
            Matcher matcher = pattern.matcher(rawPath);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), matcher.group(i + 1));
            }
            return Optional.of(values);
        }
    }

    record Route(String httpMethod, PathTemplate path, Class<?> resource, Method method, List<MediaType> produces,
                 List<Source> parameters) {
    }

    /**
     * The route a request goes to, with its path variables (percent-encoded, as on the wire) and the type its answer
     * takes by the Accept header (the wildcard for a route that declares none).
     */
    record Match(Route route, Map<String, String> pathParameters, MediaType type) {
    }

    private final List<Route> routes;

    private ApiRoutes(List<Route> routes) {
        this.routes = routes;
    }

    static ApiRoutes of(List<Class<?>> resources) {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resources) {
            Path base = resource.getAnnotation(Path.class);
            if (base == null) {
                throw new IllegalStateException(resource.getName() + " has no @Path");
            }
            for (Method method : resource.getMethods()) {
                httpMethodOf(method).ifPresent(httpMethod -> routes.add(new Route(httpMethod,
                        PathTemplate.of(join(base.value(), method.getAnnotation(Path.class))), resource, method,
                        produces(method), sources(method))));
            }
        }
        // JAX-RS's order: more literal characters first, then more variables; the rest as declared
        routes.sort(Comparator.comparingInt((Route r) -> -r.path().literals())
                .thenComparingInt(r -> -r.path().names().size()));
        return new ApiRoutes(List.copyOf(routes));
    }

    List<Route> all() {
        return routes;
    }

    /**
     * The route for a request. HEAD is answered by the GET route (without a body, by the caller).
     *
     * @throws NotFoundException     no route's path matches
     * @throws NotAllowedException   paths match, but none for this method (its Allow header lists those that do)
     * @throws NotAcceptableException the route produces nothing the Accept header takes
     */
    Match find(String httpMethod, String rawPath, String accept) {
        String method = httpMethod.equals("HEAD") ? "GET" : httpMethod;
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1)
                : rawPath;
        TreeSet<String> allowed = new TreeSet<>();
        // the routes of the method on the best-ranked path that matches, with the path's variables
        Map<Route, Map<String, String>> candidates = new LinkedHashMap<>();
        for (Route route : routes) {
            Optional<Map<String, String>> values = route.path().match(path);
            if (values.isEmpty()) {
                continue;
            }
            allowed.add(route.httpMethod());
            if (route.httpMethod().equals(method) && (candidates.isEmpty()
                    || candidates.keySet().iterator().next().path().equals(route.path()))) {
                candidates.put(route, values.get());
            }
        }
        if (candidates.isEmpty()) {
            if (allowed.isEmpty()) {
                throw new NotFoundException();
            }
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            String first = allowed.first();
            throw new NotAllowedException(first, allowed.tailSet(first, false).toArray(String[]::new));
        }
        for (Map.Entry<Route, Map<String, String>> candidate : candidates.entrySet()) {
            Optional<MediaType> type = Negotiation.acceptable(accept, candidate.getKey().produces());
            if (type.isPresent()) {
                return new Match(candidate.getKey(), candidate.getValue(), type.get());
            }
        }
        throw new NotAcceptableException();
    }

    private static Optional<String> httpMethodOf(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull).map(HttpMethod::value).findFirst();
    }

    private static String join(String base, Path sub) {
        String path = "/" + trimSlashes(base);
        if (sub != null && !trimSlashes(sub.value()).isEmpty()) {
            path = (path.equals("/") ? "" : path) + "/" + trimSlashes(sub.value());
        }
        return path;
    }

    private static String trimSlashes(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static List<MediaType> produces(Method method) {
        Produces produces = method.getAnnotation(Produces.class);
        if (produces == null) {
            produces = method.getDeclaringClass().getAnnotation(Produces.class);
        }
        return produces == null ? List.of() : Arrays.stream(produces.value())
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim).map(MediaType::valueOf).toList();
    }

    private static List<Source> sources(Method method) {
        List<Source> sources = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            sources.add(source(method, types[i], annotations[i]));
        }
        return List.copyOf(sources);
    }

    private static Source source(Method method, Class<?> type, Annotation[] annotations) {
        String defaultValue = null;
        Source source = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof PathParam p) {
                source = new Source.FromPath(p.value(), type);
            } else if (annotation instanceof QueryParam q) {
                source = new Source.FromQuery(q.value(), null, type);
            } else if (annotation instanceof HeaderParam h && type == String.class) {
                source = new Source.FromHeader(h.value());
            } else if (annotation instanceof DefaultValue d) {
                defaultValue = d.value();
            } else if (annotation.annotationType().getPackageName().startsWith("jakarta.ws.rs")) {
                throw new IllegalStateException(method + ": @" + annotation.annotationType().getSimpleName()
                        + " is not routed (see ApiRoutes)");
            }
        }
        if (source instanceof Source.FromQuery q) {
            source = new Source.FromQuery(q.name(), defaultValue, type);
        }
        if (source == null && (type == byte[].class || type == String.class)) {
            source = new Source.Body(type);
        }
        if (source == null) {
            throw new IllegalStateException(method + ": a parameter of type " + type.getSimpleName()
                    + " is neither a path, query or header parameter nor a byte[] or String body");
        }
        return source;
    }
}
