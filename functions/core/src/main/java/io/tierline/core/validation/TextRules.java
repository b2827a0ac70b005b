package io.tierline.core.validation;

/**
 * What text we accept in requests and documents: such values end up in email headers, page titles and logs, so they
 * hold no control characters but tab and line breaks, and a single line none at all.
 */
public final class TextRules {
    /** Line breaks a single line must not hold beside the control characters: U+2028 and U+2029 end lines too. */
    private static final String LINE_SEPARATORS = "\u2028\u2029";

    private TextRules() {
    }

    /** Text on one line (a name, a subject, an address): no control character, no line break. */
    public static boolean isOneLine(String text) {
        return text.chars().noneMatch(c -> Character.isISOControl(c) || LINE_SEPARATORS.indexOf(c) >= 0);
    }

    /** Text that may span lines (a reply, a description): tab, CR and LF are its only control characters. */
    public static boolean isPlainText(String text) {
        return text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }
}
