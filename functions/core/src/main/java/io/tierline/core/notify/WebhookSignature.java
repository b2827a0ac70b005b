package io.tierline.core.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Tierline-Signature: v1=<hex HMAC-SHA256(secret, "<Tierline-Timestamp>.<raw body>")>}. The timestamp is
 * signed with the body so a captured request cannot be replayed later with a fresh timestamp; receivers refuse
 * timestamps older than their tolerance (5 minutes is the documented default). See docs/notifications.md.
 */
public final class WebhookSignature {
    public static final String DELIVERY_HEADER = "Tierline-Delivery";
    public static final String TIMESTAMP_HEADER = "Tierline-Timestamp";
    public static final String SIGNATURE_HEADER = "Tierline-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final String VERSION = "v1=";

    private WebhookSignature() {
    }

    public static String sign(byte[] secret, long timestamp, String rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + rawBody).getBytes(StandardCharsets.UTF_8));
            return VERSION + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** What a receiver does: the signature matches (constant-time) and the timestamp is within the tolerance. */
    public static boolean verify(byte[] secret, String timestampHeader, String signatureHeader, String rawBody,
                                 Instant now, Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, timestamp, rawBody).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
