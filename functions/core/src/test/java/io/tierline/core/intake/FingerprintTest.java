package io.tierline.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.core.ticket.ArticleRef;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TicketDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key is kept 14 days with the fingerprint of the body it created: a release that wrote the same
 * draft differently would answer a retried request of the day before "key reused with another body" (409).
 */
class FingerprintTest {
    static final TicketDraft DRAFT = new TicketDraft(new TicketDraft.Asked("Refund for my last invoice",
            "I was charged twice."),
            new Requester("Ada", "ada@example.com", "acme", "pro"), Channel.WEB,
            new TicketDraft.Levels(Level.LOW, Level.HIGH),
            new TicketDraft.Topic("billing", List.of("invoice", "refund")), List.of(new ArticleRef("KB-0123456789ab")));

    @Test
    void theSameDraftHasTheFingerprintEarlierReleasesStored() {
        assertEquals("d646a77a2921cd16b6037b61df35481f7e11c524648d3232c6e8b0311a65dc46",
                IntakeService.fingerprint(DRAFT));
    }
}
