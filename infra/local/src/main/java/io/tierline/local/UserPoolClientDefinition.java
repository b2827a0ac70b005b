package io.tierline.local;

import java.time.Duration;
import java.util.Locale;

/**
 * An {@code AWS::Cognito::UserPoolClient} of the template: which pool it belongs to and how long its access tokens
 * live, so local tokens expire when Cognito's would.
 *
 * @param userPoolLogicalId   the pool its UserPoolId refers to, or null when that is not a {@code !Ref} to this template
 * @param accessTokenValidity AccessTokenValidity in its TokenValidityUnits.AccessToken (hours when not given), or
 *                            Cognito's default of one hour
 */
public record UserPoolClientDefinition(String logicalId, String userPoolLogicalId, Duration accessTokenValidity) {

    /** Cognito's access token lifetime when the client names none. */
    static final Duration DEFAULT_ACCESS_TOKEN_VALIDITY = Duration.ofHours(1);

    static UserPoolClientDefinition parse(String logicalId, YamlObject properties) {
        Integer validity = properties.integer("AccessTokenValidity");
        String unit = properties.object("TokenValidityUnits").string("AccessToken", "hours");
        return new UserPoolClientDefinition(logicalId,
                properties.raw("UserPoolId") instanceof Intrinsic ref ? ref.targetLogicalId() : null,
                validity == null ? DEFAULT_ACCESS_TOKEN_VALIDITY : duration(logicalId, validity, unit));
    }

    private static Duration duration(String logicalId, int amount, String unit) {
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "seconds" -> Duration.ofSeconds(amount);
            case "minutes" -> Duration.ofMinutes(amount);
            case "hours" -> Duration.ofHours(amount);
            case "days" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException(logicalId + ".TokenValidityUnits.AccessToken must be seconds,"
                    + " minutes, hours or days, found: " + unit);
        };
    }
}
