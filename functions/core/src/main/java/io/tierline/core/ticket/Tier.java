package io.tierline.core.ticket;

import java.util.Optional;

/** Support tiers: 0 self-service, 1 front line, 2 expert teams, 3 engineering. */
public enum Tier {
    SELF_SERVICE(0), FRONT_LINE(1), EXPERT(2), ENGINEERING(3);

    private final int number;

    Tier(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The tier one up, or none from the top tier. */
    public Optional<Tier> above() {
        return this == ENGINEERING ? Optional.empty() : Optional.of(of(number + 1));
    }

    public static Tier of(int number) {
        for (Tier tier : values()) {
            if (tier.number == number) {
                return tier;
            }
        }
        throw new IllegalArgumentException("must be a tier from 0 to 3");
    }
}
