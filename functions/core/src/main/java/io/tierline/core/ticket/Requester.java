package io.tierline.core.ticket;

/** The customer who asked. customerId and plan are optional (a first-time web visitor has neither). */
public record Requester(String name, String email, String customerId, String plan) {

    /** Customer history is keyed by customer id when we have one, by the lower-cased email otherwise. */
    public CustomerKey historyKey() {
        return customerId != null ? CustomerKey.id(customerId) : emailKey();
    }

    /** Every ticket is also found by its address, whether or not it names a customer id. */
    public CustomerKey emailKey() {
        return CustomerKey.email(email);
    }
}
