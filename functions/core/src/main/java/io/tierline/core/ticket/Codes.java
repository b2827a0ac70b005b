package io.tierline.core.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Lower-case, hyphenated wire codes for the domain's enums ("on-hold" for ON_HOLD). */
public final class Codes {
    private Codes() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String code) {
        if (code != null) {
            String wanted = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(wanted)) {
                    return value;
                }
            }
        }
        throw new IllegalArgumentException("must be one of " + allowed(type));
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Codes::of).collect(Collectors.joining(", "));
    }
}
