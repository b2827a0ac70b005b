package io.tierline.core.ticket;

/**
 * Who did something: a customer, a member of staff in the role they acted in (agent, supervisor, admin), a service,
 * or Tierline itself (a worker). Events stored before roles were recorded say {@code agent} for every member of staff.
 */
public record Actor(Kind kind, String id) {
    public enum Kind { CUSTOMER, AGENT, SUPERVISOR, ADMIN, SERVICE, SYSTEM }

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
