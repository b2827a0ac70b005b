package io.tierline.core.fakes;

import io.tierline.core.metrics.Measurement;
import io.tierline.core.metrics.MetricName;
import io.tierline.core.metrics.Metrics;
import io.tierline.core.ticket.TicketId;
import java.util.ArrayList;
import java.util.List;

/** The metrics port in memory: every measurement in the order it was recorded, for tests to assert exactly. */
public final class RecordingMetrics implements Metrics {
    private final List<Measurement> recorded = new ArrayList<>();

    @Override
    public synchronized void record(Measurement measurement) {
        recorded.add(measurement);
    }

    public synchronized List<Measurement> all() {
        return List.copyOf(recorded);
    }

    public synchronized List<Measurement> of(TicketId ticket) {
        return recorded.stream().filter(m -> ticket.equals(m.ticket())).toList();
    }

    public synchronized List<Measurement> named(MetricName name) {
        return recorded.stream().filter(m -> m.name() == name).toList();
    }
}
