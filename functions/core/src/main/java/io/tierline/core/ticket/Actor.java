package io.tierline.core.ticket;

/** Who did something: a customer, an agent, a service, or Tierline itself (a worker). */
public record Actor(Kind kind, String id) {
    public enum Kind { CUSTOMER, AGENT, SERVICE, SYSTEM }

    public static Actor system(String component) {
        return new Actor(Kind.SYSTEM, component);
    }

    public static Actor customer(String email) {
        return new Actor(Kind.CUSTOMER, email);
    }

    public static Actor service(String name) {
        return new Actor(Kind.SERVICE, name);
    }
}
