package io.tierline.core.aws;

import io.tierline.core.ticket.TicketId;

/**
 * The DueIndex partition of a ticket. A minute in which many deadlines fall due must not be one hot partition:
 * tickets spread over {@value #COUNT} shards by a stable hash of their id, and the sweep reads every shard.
 */
public final class DueShards {
    public static final int COUNT = 8;

    private DueShards() {
    }

    static String partitionOf(TicketId id) {
        return partition(Math.floorMod(id.value().hashCode(), COUNT));
    }

    static String partition(int shard) {
        return "DUE#" + shard;
    }
}
