package io.tierline.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tierline.core.json.Json;
import io.tierline.core.ticket.DeadlineKey;
import io.tierline.core.ticket.SlaMetric;
import io.tierline.core.ticket.TicketId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The escalation queue's deadline message on the wire: the deadline's key is typed, the JSON stays flat. */
class DeadlineDueTest {
    static final String WIRE = """
            {"type":"DeadlineDue","ticketId":"01KB0000000000000000000000","metric":"first-response","cycle":1,
             "percent":75,"at":"2026-11-23T09:30:00Z"}""";
    static final DeadlineDue TYPED = new DeadlineDue(new TicketId("01KB0000000000000000000000"),
            new DeadlineKey(SlaMetric.FIRST_RESPONSE, 1, 75), Instant.parse("2026-11-23T09:30:00Z"));

    @Test
    void itIsWrittenFlatWithTheMetricsCodeAndReadBackTyped() throws Exception {
        assertEquals(Json.MAPPER.readTree(WIRE), Json.MAPPER.readTree(Json.write(TYPED)));
        assertEquals(TYPED, Message.read(WIRE));
    }

    @Test
    void anUnknownOrMissingMetricOrATicketIdThatIsNoneIsRefusedByName() {
        PoisonMessageException unknown = assertThrows(PoisonMessageException.class,
                () -> Message.read(WIRE.replace("first-response", "first-reply")));
        assertEquals("metric", unknown.field(), unknown.getMessage());
        assertEquals("must be one of first-response, next-response, periodic-update, resolution", unknown.problem());
        PoisonMessageException missing = assertThrows(PoisonMessageException.class,
                () -> Message.read(WIRE.replace("\"metric\":\"first-response\",", "")));
        assertEquals("metric", missing.field(), missing.getMessage());
        PoisonMessageException notATicket = assertThrows(PoisonMessageException.class,
                () -> Message.read(WIRE.replace("01KB0000000000000000000000", "T-1")));
        assertEquals("ticketId: is not a ticket id: T-1", notATicket.getMessage());
    }
}
