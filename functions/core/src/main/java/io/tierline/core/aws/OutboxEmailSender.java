package io.tierline.core.aws;

import static io.tierline.core.aws.TicketItems.n;
import static io.tierline.core.aws.TicketItems.s;

import io.tierline.core.notify.Email;
import io.tierline.core.notify.EmailSender;
import io.tierline.core.notify.SentEmails;
import io.tierline.core.port.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Email that cannot leave this machine (local runs, TIERLINE_EMAIL_DELIVERY=outbox): each one is recorded in the
 * single table under {@code OUTBOX#email}, sorted by when it was "sent", and listed by GET /outbox/emails a page at
 * a time.
 */
public class OutboxEmailSender implements EmailSender, SentEmails {
    static final String PK = "OUTBOX#email";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;

    public OutboxEmailSender(DynamoDbClient dynamo, String table, Duration retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
    }

    @Override
    public void send(Email email, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(PK));
        item.put("sk", s(TicketItems.sortable(now) + "#" + email.key()));
        item.put("key", s(email.key()));
        if (email.ticketId() != null) {
            item.put("ticketId", s(email.ticketId()));
        }
        item.put("from", s(email.from()));
        item.put("to", s(email.to()));
        item.put("subject", s(email.subject() == null ? "" : email.subject()));
        item.put("text", s(email.text() == null ? "" : email.text()));
        item.put("at", s(now.toString()));
        item.put("expiresAt", n(now.plus(retention).getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean recorded() {
        return true;
    }

    @Override
    public Page<Sent> newest(String cursor, int limit) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(PK))).scanIndexForward(false);
        return QueryPages.page(dynamo, request, new QueryPages.Partition(List.of("pk", "sk"), "pk", PK), cursor, limit,
                item -> new Sent(new Email(item.get("key").s(), text(item, "ticketId"), item.get("from").s(),
                        item.get("to").s(), item.get("subject").s(), item.get("text").s()),
                        Instant.parse(item.get("at").s())));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
