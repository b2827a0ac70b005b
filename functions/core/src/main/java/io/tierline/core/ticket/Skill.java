package io.tierline.core.ticket;

import java.util.Objects;

/** What a person knows and a ticket needs, such as {@code billing} or {@code sso}: a label of the directory. */
public record Skill(String label) implements Comparable<Skill> {
    public Skill {
        Objects.requireNonNull(label, "skill");
        label = label.strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int compareTo(Skill other) {
        return label.compareTo(other.label);
    }

    @Override
    public String toString() {
        return label;
    }
}
