package io.tierline.core.request;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.tierline.core.ticket.EscalationKind;
import io.tierline.core.escalation.EscalationReason;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Priority;
import io.tierline.core.ticket.Status;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.CodePointLength;

/** The bodies of what agents, supervisors and admins do to a ticket ({@code POST /tickets/{id}/...}). */
public final class AgentActions {
    private AgentActions() {
    }

    /** {@code assignment}: the person to assign, or none to unassign. */
    public record Assignment(@CodePointLength(max = 200, message = Say.AT_MOST) @OneLine String assignee) {
    }

    /** {@code replies}: a reply to the customer, or with {@code "public": false} an internal note. */
    public record Reply(
            @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
            @CodePointLength(max = 20_000, message = Say.AT_MOST) @PlainText String body,
            @JsonProperty("public") Boolean isPublic) {
        /** Public unless it says otherwise. */
        public boolean published() {
            return isPublic == null || isPublic;
        }
    }

    /** {@code status}: a move in the lifecycle, with an optional reason. */
    public record StatusChange(
            @Code(value = Status.class, required = true) String status,
            @CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String reason) {
    }

    /** {@code levels}: a new impact, urgency or explicit priority, and why. */
    @NamesOneOf(value = {"impact", "urgency", "priority"}, message = "name at least one of impact, urgency, priority")
    public record LevelsChange(
            @Code(Level.class) String impact,
            @Code(Level.class) String urgency,
            @Code(Priority.class) String priority,
            @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
            @CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String reason) {
    }

    /** {@code transfer}: to a team of the policy document, a tier, or both. */
    @NamesOneOf(value = {"team", "tier"}, message = "name a team, a tier or both")
    public record Transfer(
            @CodePointLength(max = 63, message = Say.AT_MOST) @OneLine String team,
            @JsonDeserialize(using = BodyModule.TierNumber.class) @TierChoice Integer tier,
            @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
            @CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String reason) {
    }

    /** {@code transfer/decision}: a supervisor approves or refuses a pending transfer; a refusal says why. */
    public record TransferDecision(
            @JsonDeserialize(using = BodyModule.BooleanOrAbsent.class)
            @NotNull(message = "is required: true or false") Boolean approve,
            @NotNull(message = Say.REQUIRED, groups = WhenRequired.class)
            @NotBlank(message = Say.NOT_BLANK, groups = WhenRequired.class)
            @CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String reason) implements Conditional {
        @Override
        public boolean requires(Origin origin) {
            return !Boolean.TRUE.equals(approve);
        }

        public boolean approved() {
            return Boolean.TRUE.equals(approve);
        }
    }

    /**
     * {@code escalations}: functional to a team and/or tier ({@code "tier": "next"} is one up), or hierarchical to
     * the {@code supervisor} or {@code manager} of the ticket's team.
     */
    public record Escalation(
            @Code(value = EscalationKind.class, required = true, only = {"functional", "hierarchical"}) String kind,
            @Code(value = EscalationReason.class, required = true) String reason,
            @CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String comment,
            @CodePointLength(max = 63, message = Say.AT_MOST) @OneLine String team,
            @JsonDeserialize(using = BodyModule.TierNumber.class)
            @TierChoice(next = true, message = "must be a tier from 0 to 3 or \"next\"") Integer tier,
            @CodePointLength(max = 20, message = Say.AT_MOST) @OneLine
            @Pattern(regexp = "supervisor|manager", message = "must be supervisor or manager") String to) {
        /** "next" was asked: one tier up from the ticket's, decided when the escalation runs. */
        public boolean nextTier() {
            return tier != null && tier == BodyModule.TierNumber.NEXT;
        }

        /** The tier asked for by number, if any. */
        public Integer tierNumber() {
            return nextTier() ? null : tier;
        }
    }

    /** {@code escalations/next}: the policy's next level now, with an optional comment. */
    public record EscalationToNext(@CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String comment) {
    }

    /**
     * {@code escalations/{sequence}/feedback}: the receiver of an escalation says whether it was needed and whether
     * it came with what they needed, with an optional short comment.
     */
    public record EscalationFeedback(
            @JsonDeserialize(using = BodyModule.YesOrNo.class)
            @NotNull(message = "is required: true or false") Boolean needed,
            @JsonDeserialize(using = BodyModule.YesOrNo.class)
            @NotNull(message = "is required: true or false") Boolean complete,
            @CodePointLength(max = 500, message = Say.AT_MOST) @PlainText String comment) {
    }

    /** {@code acknowledgement}: no fields; the person escalated to has it. */
    public record Acknowledgement() {
    }

    /** {@code resolution}: how it was solved, and optionally the root cause. */
    public record Resolution(
            @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
            @CodePointLength(max = 20_000, message = Say.AT_MOST) @PlainText String note,
            @CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String rootCause,
            /* the published article the ticket was solved with, counted for it (optional) */
            @CodePointLength(max = 40, message = Say.AT_MOST) String articleId) {
    }

    /** {@code reopen}: why a solved ticket is open again. */
    public record Reopening(
            @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
            @CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String reason) {
    }

    /** {@code merge}: the ticket this duplicate is merged into. */
    public record Merge(
            @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
            @CodePointLength(max = 26, message = Say.AT_MOST) @OneLine @TicketIdFormat String into,
            @CodePointLength(max = 2000, message = Say.AT_MOST) @PlainText String reason) {
    }

    /** A person sets their own availability for automatic assignment. */
    public record AvailabilityChange(
            @Code(value = io.tierline.core.routing.Availability.class, required = true) String availability) {
    }
}
