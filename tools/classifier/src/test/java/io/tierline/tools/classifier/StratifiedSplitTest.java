package io.tierline.tools.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    /** 700 of a, 200 of b, 95 of c, 4 of d, 1 of e: shares as unbalanced as the real ticket data. */
    private static List<LabelledTicket> unbalanced() {
        List<LabelledTicket> tickets = new ArrayList<>();
        Map<String, Integer> sizes = Map.of("a", 700, "b", 200, "c", 95, "d", 4, "e", 1);
        int row = 0;
        for (String label : List.of("a", "b", "c", "d", "e")) {
            for (int i = 0; i < sizes.get(label); i++) {
                tickets.add(new LabelledTicket("ticket " + row++, label));
            }
        }
        java.util.Collections.shuffle(tickets, new java.util.Random(5));
        return tickets;
    }

    private static Map<String, Long> counts(List<LabelledTicket> tickets) {
        return tickets.stream().collect(Collectors.groupingBy(LabelledTicket::label, Collectors.counting()));
    }

    @Test
    void eachLabelGivesItsShareToTheTestSet() {
        StratifiedSplit split = StratifiedSplit.of(unbalanced(), 0.2, 42);
        assertEquals(Map.of("a", 140L, "b", 40L, "c", 19L, "d", 1L), counts(split.test()));
        assertEquals(Map.of("a", 560L, "b", 160L, "c", 76L, "d", 3L, "e", 1L), counts(split.train()));
    }

    @Test
    void trainAndTestPartitionTheRowsInFileOrder() {
        List<LabelledTicket> tickets = unbalanced();
        StratifiedSplit split = StratifiedSplit.of(tickets, 0.2, 42);
        Set<LabelledTicket> all = new HashSet<>(split.train());
        all.addAll(split.test());
        assertEquals(tickets.size(), split.train().size() + split.test().size());
        assertEquals(new HashSet<>(tickets), all);
        Map<LabelledTicket, Integer> position = tickets.stream()
                .collect(Collectors.toMap(Function.identity(), tickets::indexOf));
        for (List<LabelledTicket> part : List.of(split.train(), split.test())) {
            for (int i = 1; i < part.size(); i++) {
                assertTrue(position.get(part.get(i - 1)) < position.get(part.get(i)));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        List<LabelledTicket> tickets = unbalanced();
        assertEquals(StratifiedSplit.of(tickets, 0.2, 42), StratifiedSplit.of(tickets, 0.2, 42));
        assertNotEquals(StratifiedSplit.of(tickets, 0.2, 42).test(), StratifiedSplit.of(tickets, 0.2, 7).test());
    }

    @Test
    void everyLabelKeepsATrainingRow() {
        List<LabelledTicket> two = List.of(new LabelledTicket("x", "a"), new LabelledTicket("y", "a"),
                new LabelledTicket("z", "b"));
        StratifiedSplit split = StratifiedSplit.of(two, 0.9, 1);
        assertEquals(Map.of("a", 1L, "b", 1L), counts(split.train()));
    }

    @Test
    void refusesAShareOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(unbalanced(), 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.of(unbalanced(), 0.0, 1));
    }
}
