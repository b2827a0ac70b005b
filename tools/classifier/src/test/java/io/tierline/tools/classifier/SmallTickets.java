package io.tierline.tools.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small made-up history of tickets for three teams, with shared filler words so the task is not trivial. */
final class SmallTickets {

    static final List<String> BILLING = List.of("invoice", "refund", "charged", "payment", "credit card", "billing");
    static final List<String> ACCESS = List.of("password", "login", "vpn", "locked account", "sign in", "2fa code");
    static final List<String> HARDWARE = List.of("printer", "laptop", "screen", "keyboard", "docking station", "mouse");
    private static final List<String> FILLER = List.of("please", "help", "since", "yesterday", "thanks", "urgent",
            "my", "the", "is", "not", "working", "again", "hello", "team");

    private SmallTickets() {
    }

    /** {@code perLabel} tickets for billing, access and hardware, each, shuffled by a fixed seed. */
    static List<LabelledTicket> generate(int perLabel, long seed) {
        Random random = new Random(seed);
        List<LabelledTicket> tickets = new ArrayList<>();
        for (int i = 0; i < perLabel; i++) {
            tickets.add(ticket(random, BILLING, "billing"));
            tickets.add(ticket(random, ACCESS, "access"));
            tickets.add(ticket(random, HARDWARE, "hardware"));
        }
        java.util.Collections.shuffle(tickets, random);
        return tickets;
    }

    private static LabelledTicket ticket(Random random, List<String> topic, String label) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 8; w++) {
            List<String> source = random.nextInt(3) == 0 ? topic : FILLER;
            text.append(source.get(random.nextInt(source.size()))).append(' ');
        }
        text.append(topic.get(random.nextInt(topic.size())));
        return new LabelledTicket(text.toString(), label);
    }
}
