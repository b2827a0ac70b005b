package io.tierline.core.followup;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.sla.DurationText;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.validation.DocumentProblems;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The policy document's {@code followUp}: how long after a resolution the customer is asked whether the problem
 * stayed solved. The customer's plan decides first, then the ticket's priority, then the default; without the section
 * nobody is asked.
 *
 * @param after      the default delay, or null for none
 * @param byPlan     delays per customer plan
 * @param byPriority delays per priority
 */
public record FollowUpPolicy(Duration after, Map<String, Duration> byPlan, Map<Priority, Duration> byPriority) {
    public static final String SECTION = "followUp";
    public static final FollowUpPolicy NONE = new FollowUpPolicy(null, Map.of(), Map.of());
    private static final JsonPointer AT = JsonPointer.compile("/" + SECTION);

    public FollowUpPolicy {
        byPlan = Map.copyOf(byPlan);
        byPriority = byPriority.isEmpty() ? Map.of() : new EnumMap<>(byPriority);
    }

    /** How long after its resolution this ticket is followed up, if it is. */
    public Optional<Duration> after(Ticket ticket) {
        String plan = ticket.requester().plan();
        if (plan != null && byPlan.containsKey(plan)) {
            return Optional.of(byPlan.get(plan));
        }
        if (ticket.priority() != null && byPriority.containsKey(ticket.priority())) {
            return Optional.of(byPriority.get(ticket.priority()));
        }
        return Optional.ofNullable(after);
    }

    /** The section as the schema checked it; the durations' range is checked here, naming their path. */
    public static FollowUpPolicy read(JsonNode section, DocumentProblems problems) {
        if (section.isMissingNode() || !problems.sound(AT)) {
            return NONE;
        }
        Duration after = DurationText.read(section.path("after"), AT.append(JsonPointer.compile("/after")), problems);
        Map<String, Duration> byPlan = new LinkedHashMap<>();
        section.path("byPlan").fields().forEachRemaining(e -> Optional.ofNullable(DurationText.read(e.getValue(),
                        AT.append(JsonPointer.compile("/byPlan/" + escape(e.getKey()))), problems))
                .ifPresent(d -> byPlan.put(e.getKey(), d)));
        Map<Priority, Duration> byPriority = new EnumMap<>(Priority.class);
        section.path("byPriority").fields().forEachRemaining(e -> Optional.ofNullable(DurationText.read(
                        e.getValue(), AT.append(JsonPointer.compile("/byPriority/" + e.getKey())), problems))
                .ifPresent(d -> byPriority.put(Codes.parse(Priority.class, e.getKey()), d)));
        return new FollowUpPolicy(after, byPlan, byPriority);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
