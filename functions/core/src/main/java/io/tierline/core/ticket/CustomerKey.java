package io.tierline.core.ticket;

import io.tierline.core.validation.InvalidInputException;
import java.util.Locale;

/**
 * How staff name a customer to list their tickets: by customer id, or by email address. Email addresses are
 * compared case-insensitively (as mail servers treat them in practice), so they are kept lower-cased.
 */
public record CustomerKey(Kind kind, String value) {
    public enum Kind { ID, EMAIL }

    private static final String ID_PREFIX = "id:";
    private static final String EMAIL_PREFIX = "email:";

    public static CustomerKey id(String customerId) {
        return new CustomerKey(Kind.ID, customerId);
    }

    public static CustomerKey email(String address) {
        return new CustomerKey(Kind.EMAIL, address.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code id:<customerId>} or {@code email:<address>}, as in GET /customers/{key}/tickets. */
    public static CustomerKey parse(String text, String field) {
        if (text != null && text.startsWith(ID_PREFIX) && !text.substring(ID_PREFIX.length()).isBlank()) {
            return id(text.substring(ID_PREFIX.length()));
        }
        if (text != null && text.startsWith(EMAIL_PREFIX) && !text.substring(EMAIL_PREFIX.length()).isBlank()) {
            return email(text.substring(EMAIL_PREFIX.length()));
        }
        throw new InvalidInputException(field, "must be id:<customerId> or email:<address>");
    }

    /** The key as written, which is also how the indexes spell it. */
    public String text() {
        return (kind == Kind.ID ? ID_PREFIX : EMAIL_PREFIX) + value;
    }
}
