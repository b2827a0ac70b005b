package io.tierline.core.request;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.tierline.core.ticket.Satisfaction;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.CodePointLength;
import org.hibernate.validator.constraints.Range;

/** The bodies of what a customer does to a ticket ({@code POST /customer/tickets/{id}/...}), as JSON or a form. */
public final class CustomerActions {
    private CustomerActions() {
    }

    /** {@code replies}: the customer's reply. */
    public record CustomerReply(
            @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
            @CodePointLength(max = 20_000, message = Say.AT_MOST) @PlainText String body) {
    }

    /** {@code escalation-requests}: the reason is required in JSON; the status page's button may leave it blank. */
    public record EscalationRequest(
            @NotNull(message = Say.REQUIRED, groups = WhenRequired.class)
            @NotBlank(message = Say.NOT_BLANK, groups = WhenRequired.class)
            @CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String reason) implements Conditional {
        @Override
        public boolean requires(Origin origin) {
            return origin == Origin.JSON;
        }
    }

    /**
     * {@code follow-up}: the answer to the follow-up after a resolution: did the problem stay solved (false reopens
     * the ticket), with an optional rating and comment.
     */
    public record FollowUpReply(
            @JsonDeserialize(using = BodyModule.YesOrNo.class)
            @NotNull(message = "is required: true or false") Boolean stayedSolved,
            @Range(min = Satisfaction.LOWEST, max = Satisfaction.HIGHEST,
                    message = "must be a whole number from {min} to {max}") Integer rating,
            @CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String comment) {
    }

    /** {@code satisfaction}: a rating from 1 to 5 once the ticket is solved or closed, with an optional comment. */
    public record Rating(
            @NotNull(message = Say.REQUIRED)
            @Range(min = Satisfaction.LOWEST, max = Satisfaction.HIGHEST,
                    message = "must be a whole number from {min} to {max}") Integer rating,
            @CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String comment) {
    }
}
