package io.tierline.core.ticket;

/** Who an escalation notifies: a person (on all their channels) or a team's shared channel. */
public sealed interface Recipient {
    /** The recipient's wire code: {@code person:<id>} or {@code team:<name>}. */
    String code();

    record Person(PersonId id) implements Recipient {
        @Override
        public String code() {
            return "person:" + id.value();
        }
    }

    record Team(TeamName name) implements Recipient {
        @Override
        public String code() {
            return "team:" + name.value();
        }
    }

    static Recipient person(String id) {
        return new Person(new PersonId(id));
    }

    static Recipient team(String name) {
        return new Team(new TeamName(name));
    }
}
