package io.tierline.core.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.validation.JsonFields;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the ticket JSON that every channel sends (api, web form, intake queue) into a validated draft, or refuses it
 * with every problem named by field. Unknown fields are refused: a typo must not silently drop data. Every field
 * but the description is one line: the name, subject and address go into email headers, where a line break would
 * start a header of the sender's choosing.
 */
public final class TicketRequestReader {
    public static final int SUBJECT_MAX = 200;
    public static final int DESCRIPTION_MAX = 20_000;
    public static final int NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final int TAGS_MAX = 20;

    private static final Set<String> TOP_LEVEL = Set.of("subject", "description", "requester", "channel", "impact",
            "urgency", "category", "tags");
    private static final Set<String> REQUESTER = Set.of("name", "email", "customerId", "plan");
    // Pragmatic address check: one @, a dotted domain, no spaces; full RFC 5322 accepts addresses no mail system delivers.
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@\"(),:;<>\\[\\]\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    private static final Pattern PLAN = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

    private TicketRequestReader() {
    }

    /** @param defaultChannel the channel to assume when the request does not name one */
    public static TicketDraft read(JsonNode json, Channel defaultChannel) {
        JsonFields fields = JsonFields.of(json);
        fields.rejectUnknown(TOP_LEVEL);
        String subject = fields.line("subject", true, SUBJECT_MAX);
        String description = fields.text("description", true, DESCRIPTION_MAX);

        JsonFields requester = fields.object("requester", true);
        requester.rejectUnknown(REQUESTER);
        String name = requester.line("name", true, NAME_MAX);
        String email = requester.line("email", true, EMAIL_MAX);
        requester.check(email == null || EMAIL.matcher(email).matches(), "email", "must be a valid email address");
        String customerId = requester.line("customerId", false, 100);
        requester.check(customerId == null || CUSTOMER_ID.matcher(customerId).matches(), "customerId",
                "must be letters, digits and . _ : - only");
        String plan = requester.line("plan", false, 40);
        plan = plan == null ? null : plan.toLowerCase(Locale.ROOT);
        requester.check(plan == null || PLAN.matcher(plan).matches(), "plan", "must be a plan code such as basic or pro");

        Channel channel = fields.parsed("channel", c -> Codes.parse(Channel.class, c), defaultChannel);
        Level impact = fields.parsed("impact", c -> Codes.parse(Level.class, c), Level.LOW);
        Level urgency = fields.parsed("urgency", c -> Codes.parse(Level.class, c), Level.MEDIUM);
        String category = fields.line("category", false, 100);
        List<String> tags = fields.textList("tags", TAGS_MAX, 50).stream()
                .map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList();
        for (int i = 0; i < tags.size(); i++) {
            fields.check(TAG.matcher(tags.get(i)).matches(), "tags[" + i + "]",
                    "must be lower-case letters, digits, - and _ (at most 50)");
        }
        fields.throwIfInvalid();
        return new TicketDraft(subject, description, new Requester(name, email, customerId, plan), channel, impact,
                urgency, category, tags);
    }
}
