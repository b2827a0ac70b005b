package io.tierline.core.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * A ticket's id and public reference: a ULID (48-bit time, 80 random bits, Crockford base32), so ids sort by
 * creation time and cannot be guessed from a neighbour's.
 */
public record TicketId(@JsonValue String value) {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Also how a message's ticket id is read: a value that is none is refused, naming it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TicketId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("is not a ticket id: " + value);
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    public static TicketId next(Clock clock) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return fromParts(clock.millis(), random);
    }

    static TicketId fromParts(long millis, byte[] random) {
        char[] out = new char[26];
        long time = millis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits as 16 base32 characters
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (random[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (random[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new TicketId(new String(out));
    }

    @Override
    public String toString() {
        return value;
    }
}
