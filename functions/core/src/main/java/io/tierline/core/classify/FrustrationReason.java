package io.tierline.core.classify;

/** One reason a ticket reads as frustrated: what kind of signal, the evidence, and its weight (0..1) in the score. */
public record FrustrationReason(Kind kind, String evidence, double weight) {

    public enum Kind {
        /** Angry wording: "unacceptable", "ridiculous", "inakzeptabel". */
        WORDING,
        /** The problem came back or was reported before: "still not fixed", "third time". */
        REPEATED_ISSUE,
        /** Mild profanity. */
        PROFANITY,
        /** Most words in capitals. */
        SHOUTING,
        /** Runs of "!!" or "??". */
        PUNCTUATION,
        /** The customer got in touch several times recently. */
        REPEATED_CONTACTS,
        /** Earlier tickets of this customer were escalated. */
        PRIOR_ESCALATIONS
    }
}
