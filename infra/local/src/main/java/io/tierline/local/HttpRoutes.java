package io.tierline.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of an API Gateway HTTP API and how a request picks one: the most specific route wins, segment by
 * segment (a literal beats {@code {param}} beats greedy {@code {proxy+}}), then a named method beats ANY; the
 * {@code $default} route takes whatever matches nothing else.
 *
 * @param <T> what a route leads to
 */
final class HttpRoutes<T> {

    /** A route that matched, with the path parameters it captured (values URL-decoded). */
    record Match<T>(String routeKey, T target, Map<String, String> pathParameters) {
    }

    private enum SegmentKind { LITERAL, PARAMETER, GREEDY }

    private record Segment(SegmentKind kind, String text) {
        static Segment parse(String text) {
            if (text.startsWith("{") && text.endsWith("+}")) {
                return new Segment(SegmentKind.GREEDY, text.substring(1, text.length() - 2));
            }
            if (text.startsWith("{") && text.endsWith("}")) {
                return new Segment(SegmentKind.PARAMETER, text.substring(1, text.length() - 1));
            }
            return new Segment(SegmentKind.LITERAL, text);
        }
    }

    private record Route<T>(String routeKey, String method, List<Segment> segments, T target) {
    }

    /** How specific a successful match is; smaller is more specific. */
    private record Rank(List<SegmentKind> kinds, boolean anyMethod) {
        static final Comparator<Rank> ORDER = Comparator.<Rank, List<SegmentKind>>comparing(Rank::kinds, HttpRoutes::compareKinds)
                .thenComparing(Rank::anyMethod);
    }

    private final List<Route<T>> routes = new ArrayList<>();
    private T defaultTarget;

    /** @param routeKey {@code "GET /tickets/{id}"}, {@code "ANY /{proxy+}"} or {@code "$default"} */
    HttpRoutes<T> add(String routeKey, T target) {
        if (FunctionEvent.HttpApi.DEFAULT_ROUTE.equals(routeKey)) {
            defaultTarget = target;
            return this;
        }
        int space = routeKey.indexOf(' ');
        if (space < 0 || !routeKey.substring(space + 1).startsWith("/")) {
            throw new IllegalArgumentException("Not an HTTP API route key: " + routeKey);
        }
        routes.add(new Route<>(routeKey, routeKey.substring(0, space), split(routeKey.substring(space + 1)).stream()
                .map(Segment::parse).toList(), target));
        return this;
    }

    List<String> routeKeys() {
        List<String> keys = new ArrayList<>(routes.stream().map(Route::routeKey).toList());
        if (defaultTarget != null) {
            keys.add(FunctionEvent.HttpApi.DEFAULT_ROUTE);
        }
        return keys;
    }

    /** @param rawPath the request path as sent (still URL-encoded) */
    Optional<Match<T>> match(String method, String rawPath) {
        List<String> pathSegments = split(rawPath);
        Route<T> best = null;
        Rank bestRank = null;
        Map<String, String> bestParameters = null;
        for (Route<T> route : routes) {
            if (!route.method().equals("ANY") && !route.method().equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            List<SegmentKind> kinds = matchSegments(route.segments(), pathSegments, parameters);
            if (kinds == null) {
                continue;
            }
            Rank rank = new Rank(kinds, route.method().equals("ANY"));
            if (best == null || Rank.ORDER.compare(rank, bestRank) < 0) {
                best = route;
                bestRank = rank;
                bestParameters = parameters;
            }
        }
        if (best != null) {
            return Optional.of(new Match<>(best.routeKey(), best.target(), bestParameters));
        }
        return Optional.ofNullable(defaultTarget).map(t -> new Match<>(FunctionEvent.HttpApi.DEFAULT_ROUTE, t, Map.of()));
    }

    /** The kind of each matched segment, or null when the route does not match the path. */
    private static List<SegmentKind> matchSegments(List<Segment> route, List<String> path, Map<String, String> parameters) {
        List<SegmentKind> kinds = new ArrayList<>();
        for (int i = 0; i < route.size(); i++) {
            Segment segment = route.get(i);
            if (segment.kind() == SegmentKind.GREEDY) {
                if (i >= path.size()) {
                    return null; // {proxy+} needs at least one segment: "/{proxy+}" does not match "/"
                }
                parameters.put(segment.text(), decode(String.join("/", path.subList(i, path.size()))));
                kinds.add(SegmentKind.GREEDY);
                return kinds;
            }
            if (i >= path.size()) {
                return null;
            }
            if (segment.kind() == SegmentKind.LITERAL) {
                if (!segment.text().equals(decode(path.get(i)))) {
                    return null;
                }
            } else {
                if (path.get(i).isEmpty()) {
                    return null;
                }
                parameters.put(segment.text(), decode(path.get(i)));
            }
            kinds.add(segment.kind());
        }
        return route.size() == path.size() ? kinds : null;
    }

    private static int compareKinds(List<SegmentKind> a, List<SegmentKind> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(b.size(), a.size()); // more matched segments before a greedy tail is more specific
    }

    /** "/" → [], "/a/b" → [a, b]; a trailing slash is ignored. */
    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
