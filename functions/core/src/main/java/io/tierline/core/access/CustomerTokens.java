package io.tierline.core.access;

import io.tierline.core.ticket.Ticket;
import io.tierline.core.ticket.TicketId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The customer's per-ticket access token: HMAC-SHA256 under a server secret of the ticket id and a random 128-bit
 * salt stored on the ticket (256 bits, base64url). The token itself is stored nowhere; it can be derived again only
 * with the secret, so a duplicated form submission can show the same status link, and a copy of the table alone
 * reveals no token.
 */
public final class CustomerTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MIN_SECRET_BYTES = 32;
    private final SecretKeySpec key;

    private CustomerTokens() {
        this.key = null;
    }

    /** For a function that was given no secret: any use says what is missing. */
    public static CustomerTokens unconfigured() {
        return new CustomerTokens();
    }

    public CustomerTokens(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the customer token secret must have at least " + MIN_SECRET_BYTES
                    + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public static CustomerTokens fromSecret(String secret) {
        return new CustomerTokens(secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8));
    }

    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
    }

    public String tokenFor(TicketId id, String salt) {
        if (key == null) {
            throw new IllegalStateException("TIERLINE_CUSTOMER_TOKEN_SECRET is not set for this function");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((id.value() + ":" + salt).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public String tokenFor(Ticket ticket) {
        return tokenFor(ticket.id(), ticket.customerTokenSalt());
    }

    /** The status page's path with the ticket's token: the link the customer keeps, relative to the api's URL. */
    public String statusPath(Ticket ticket) {
        return statusPath(ticket.id(), tokenFor(ticket));
    }

    public static String statusPath(TicketId id, String token) {
        return "/status/" + id.value() + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
    public boolean matches(Ticket ticket, String token) {
        if (token == null || token.isBlank() || ticket.customerTokenSalt() == null) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(ticket).getBytes(StandardCharsets.US_ASCII),
                token.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
