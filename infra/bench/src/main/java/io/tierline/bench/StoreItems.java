package io.tierline.bench;

import io.tierline.core.aws.DynamoDbTicketStore;
import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketChange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * The item {@link DynamoDbTicketStore} writes for a ticket, taken from the write it would send. The mapping
 * (TicketItems) is package-private so that one class owns the table layout; capturing the real store's request
 * keeps the benchmark's items exactly the store's without widening core's API, and lets the benchmark load them
 * with BatchWriteItem instead of one transaction per ticket.
 */
final class StoreItems {
    private StoreItems() {
    }

    static Map<String, AttributeValue> ticketItem(Ticket ticket) {
        Capture capture = new Capture();
        // no events and no idempotency claim: the transaction holds the ticket's put alone
        new DynamoDbTicketStore(capture, "captured").create(new TicketChange(null, ticket, List.of()),
                Optional.empty());
        return capture.request.transactItems().get(0).put().item();
    }

    /** A client that only records the one transaction it is asked to write. */
    private static final class Capture implements DynamoDbClient {
        private TransactWriteItemsRequest request;

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            this.request = request;
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}
