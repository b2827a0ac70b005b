package io.tierline.tools.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A train/test split that keeps each label's share: every label gives {@code round(count × testShare)} of its rows,
 * chosen by a seeded shuffle, to the test set. Labels are visited in a fixed order and each split keeps the file's row
 * order, so one seed always gives the same split. Every label keeps at least one training row; a label with too few
 * rows for a test row stays wholly in training.
 */
public record StratifiedSplit(List<LabelledTicket> train, List<LabelledTicket> test) {

    public StratifiedSplit {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    public static StratifiedSplit of(List<LabelledTicket> tickets, double testShare, long seed) {
        boolean[] inTest = testRows(tickets.stream().map(LabelledTicket::label).toList(), testShare, seed);
        List<LabelledTicket> train = new ArrayList<>();
        List<LabelledTicket> test = new ArrayList<>();
        for (int row = 0; row < tickets.size(); row++) {
            (inTest[row] ? test : train).add(tickets.get(row));
        }
        return new StratifiedSplit(train, test);
    }

    /** Which rows go to the test set, for callers that keep more per row than a {@link LabelledTicket}. */
    public static boolean[] testRows(List<String> labels, double testShare, long seed) {
        if (!(testShare > 0.0 && testShare < 1.0)) {
            throw new IllegalArgumentException("the test share must be between 0 and 1, was " + testShare);
        }
        Map<String, List<Integer>> rowsByLabel = new TreeMap<>(NaturalOrder.INSTANCE);
        for (int row = 0; row < labels.size(); row++) {
            rowsByLabel.computeIfAbsent(labels.get(row), label -> new ArrayList<>()).add(row);
        }
        Random random = new Random(seed);
        boolean[] inTest = new boolean[labels.size()];
        for (List<Integer> rows : rowsByLabel.values()) {
            Collections.shuffle(rows, random);
            long testRows = Math.min(Math.round(rows.size() * testShare), rows.size() - 1);
            for (int i = 0; i < testRows; i++) {
                inTest[rows.get(i)] = true;
            }
        }
        return inTest;
    }
}
