package io.tierline.api;

import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of a route's {@code @Produces} types answers an Accept header (RFC 9110 section 12.5.1): the one the client
 * weighs highest, the route's own order breaking ties; none when the client takes none of them (q=0 refuses). A route
 * that declares no type, and a request without Accept, take the first.
 */
final class Negotiation {
    private Negotiation() {
    }

    private record Range(MediaType type, double quality) {
    }

    static Optional<MediaType> acceptable(String accept, List<MediaType> produces) {
        if (produces.isEmpty()) {
            return Optional.of(MediaType.WILDCARD_TYPE);
        }
        if (accept == null || accept.isBlank()) {
            return Optional.of(produces.get(0));
        }
        List<Range> ranges = ranges(accept);
        if (ranges.isEmpty()) {
            return Optional.of(produces.get(0));
        }
        MediaType best = null;
        double bestQuality = 0;
        for (MediaType offered : produces) {
            double quality = 0;
            for (Range range : ranges) {
                if (range.type().isCompatible(offered)) {
                    quality = Math.max(quality, range.quality());
                }
            }
            if (quality > bestQuality) {
                best = offered;
                bestQuality = quality;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The header's media ranges; one that does not parse is left out, as if the client had not sent it. */
    private static List<Range> ranges(String accept) {
        List<Range> ranges = new ArrayList<>();
        for (String part : accept.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                MediaType type = MediaType.valueOf(part.trim());
                String q = type.getParameters().get("q");
                ranges.add(new Range(type, q == null ? 1 : Double.parseDouble(q)));
            } catch (IllegalArgumentException e) {
                // NumberFormatException too: a range with a bad weight counts for nothing
            }
        }
        return ranges;
    }
}
