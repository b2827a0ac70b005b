package io.tierline.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.json.Json;
import io.tierline.core.ticket.TicketId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notify queue's message on the wire: one flat object, the same keys whatever parts the record is made of. */
class NotificationRequestedTest {
    static final String TICKET = "01KB0000000000000000000000";
    /** As the escalation engine has always written it, and as messages already on a queue read. */
    static final String WIRE = """
            {"type":"NotificationRequested","key":"01KB0000000000000000000000/2/1/0/petra/webhook",
             "ticketId":"01KB0000000000000000000000","escalation":2,"level":1,"repeat":0,"recipient":"petra",
             "channel":"webhook","address":"https://hooks.example.com/t","subject":"Ticket escalated",
             "text":"Level 1 reached.","details":{"level":"1"},"urgent":true,
             "notBefore":"2026-11-23T08:00:00Z","attempt":3}""";

    static NotificationRequested typed() {
        NotificationRequested.Occasion occasion = new NotificationRequested.Occasion(new TicketId(TICKET), 2, 1, 0);
        NotificationRequested.Target target = new NotificationRequested.Target("petra", DeliveryChannel.WEBHOOK,
                "https://hooks.example.com/t");
        return new NotificationRequested(NotificationRequested.keyOf(occasion, target), occasion, target,
                new NotificationRequested.Content("Ticket escalated", "Level 1 reached.", Map.of("level", "1"), true),
                new NotificationRequested.Schedule(Instant.parse("2026-11-23T08:00:00Z"), 3));
    }

    @Test
    void itIsWrittenAsOneFlatObjectWithTheChannelsCode() throws Exception {
        JsonNode written = Json.MAPPER.readTree(Json.write(typed()));
        assertEquals(Json.MAPPER.readTree(WIRE), written);
    }

    @Test
    void aMessageOnTheQueueReadsIntoItsParts() {
        assertEquals(typed(), Message.read(WIRE));
        assertEquals(typed().retry(Instant.parse("2026-11-23T09:00:00Z")),
                Message.read(Json.write(typed().retry(Instant.parse("2026-11-23T09:00:00Z")))));
    }

    @Test
    void optionalFieldsMayBeNullButAPartsRequiredFieldIsNamedWhenMissing() {
        NotificationRequested now = (NotificationRequested) Message.read(
                WIRE.replace("\"2026-11-23T08:00:00Z\"", "null").replace("\"details\":{\"level\":\"1\"}",
                        "\"details\":null"));
        assertEquals(null, now.schedule().notBefore());
        assertEquals(Map.of(), now.content().details());
        PoisonMessageException noAddress = assertThrows(PoisonMessageException.class,
                () -> Message.read(WIRE.replace("\"address\":\"https://hooks.example.com/t\",", "")));
        assertEquals("address", noAddress.field(), noAddress.getMessage());
        PoisonMessageException nullRecipient = assertThrows(PoisonMessageException.class,
                () -> Message.read(WIRE.replace("\"recipient\":\"petra\"", "\"recipient\":null")));
        assertEquals("recipient", nullRecipient.field(), nullRecipient.getMessage());
    }

    @Test
    void aChannelNobodyDeliversOnIsRefusedByName() {
        PoisonMessageException pager = assertThrows(PoisonMessageException.class,
                () -> Message.read(WIRE.replace("\"channel\":\"webhook\"", "\"channel\":\"pager\"")));
        assertEquals("channel", pager.field());
        assertEquals("'pager' must be one of email, slack, webhook, customer", pager.problem());
    }
}
