package io.tierline.core.metrics;

/**
 * The port the core and the functions report what the desk is doing through: one typed {@link Measurement} at a
 * time. In Lambda it is written as CloudWatch Embedded Metric Format lines on standard output (core/aws/EmfMetrics);
 * the rule-level tests record them in memory and assert the exact list.
 */
public interface Metrics {
    /** Reports nothing: for services used where nothing is measured (dry runs). */
    Metrics NONE = measurement -> { };

    void record(Measurement measurement);
}
