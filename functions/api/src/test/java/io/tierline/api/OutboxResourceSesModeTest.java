package io.tierline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tierline.core.access.Principal;
import io.tierline.core.access.Role;
import io.tierline.core.notify.SentEmails;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where email goes through SES nothing is recorded: the list is empty and says why. */
class OutboxResourceSesModeTest {
    @Test
    void sesModeAnswersAnEmptyListWithANote() {
        OutboxResource resource = new OutboxResource();
        resource.caller = new Caller() {
            @Override
            public Principal atLeast(Role role) {
                return null; // roles are checked in OutboxEmailsTest with real tokens
            }
        };
        resource.emails = SentEmails.none();
        OutboxResource.Emails answer = resource.list(null, "25");
        assertEquals("ses", answer.delivery());
        assertEquals(List.of(), answer.items());
        assertEquals(OutboxResource.SES_NOTE, answer.note());
    }
}
