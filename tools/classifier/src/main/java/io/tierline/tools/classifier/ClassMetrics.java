package io.tierline.tools.classifier;

/** Precision, recall and F1 of one label, and its support: how many held-out tickets truly have it. */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
}
