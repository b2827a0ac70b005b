package io.tierline.core.request;

import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.Codes;
import io.tierline.core.ticket.Level;
import io.tierline.core.ticket.Requester;
import io.tierline.core.ticket.ArticleRef;
import io.tierline.core.ticket.TicketDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hibernate.validator.constraints.CodePointLength;

/**
 * The ticket request that every channel sends (the api's JSON, the web form, the intake queue). Unknown fields are
 * refused: a typo must not silently drop data. Every field but the description is one line: the name, subject and
 * address go into email headers, where a line break would start a header of the sender's choosing.
 */
public record TicketRequest(
        @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
        @CodePointLength(max = TicketRequest.SUBJECT_MAX, message = Say.AT_MOST) @OneLine String subject,
        @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
        @CodePointLength(max = 20_000, message = Say.AT_MOST) @PlainText String description,
        @NotNull(message = Say.REQUIRED) @Valid Asker requester,
        @Code(Channel.class) String channel,
        @Code(Level.class) String impact,
        @Code(Level.class) String urgency,
        @CodePointLength(max = 100, message = Say.AT_MOST) @OneLine String category,
        @Size(max = 20, message = "must have at most {max} items")
        List<@NotNull(message = "must be a non-blank string") @OneLine
                @Size(max = 50, message = Say.AT_MOST)
                @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,49}", flags = Pattern.Flag.CASE_INSENSITIVE,
                        message = "must be lower-case letters, digits, - and _ (at most 50)") String> tags,
        @Size(max = ArticleRef.MAX_SEEN, message = "must have at most {max} items")
        List<@NotNull(message = "must be an article id like KB-0123456789ab")
                @Pattern(regexp = ArticleRef.FORMAT, message = "must be an article id like KB-0123456789ab")
                String> articlesSeen) {
    public static final int SUBJECT_MAX = 200;

    /** The customer who asks. customerId and plan are optional (a first-time web visitor has neither). */
    public record Asker(
            @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
            @CodePointLength(max = 200, message = Say.AT_MOST) @OneLine String name,
            // pragmatic address check: one @, a dotted domain, no spaces; full RFC 5322 accepts addresses no mail
            // system delivers
            @NotNull(message = Say.REQUIRED) @NotBlank(message = Say.NOT_BLANK)
            @CodePointLength(max = 254, message = Say.AT_MOST) @OneLine
            @Pattern(regexp = "[^\\s@\"(),:;<>\\[\\]\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+",
                    message = "must be a valid email address") String email,
            @CodePointLength(max = 100, message = Say.AT_MOST) @OneLine
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}",
                    message = "must be letters, digits and . _ : - only") String customerId,
            @CodePointLength(max = 40, message = Say.AT_MOST) @OneLine
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", flags = Pattern.Flag.CASE_INSENSITIVE,
                    message = "must be a plan code such as basic or pro") String plan) {
    }

    /**
     * The validated request as the domain's draft: codes parsed, defaults filled in, plan and tags lower-cased.
     *
     * @param defaultChannel the channel to assume when the request does not name one
     */
    public TicketDraft draft(Channel defaultChannel) {
        return new TicketDraft(new TicketDraft.Asked(subject, description),
                new Requester(requester.name(), requester.email(), requester.customerId(),
                        requester.plan() == null ? null : requester.plan().toLowerCase(Locale.ROOT)),
                channel == null ? defaultChannel : Codes.parse(Channel.class, channel),
                new TicketDraft.Levels(impact == null ? Level.LOW : Codes.parse(Level.class, impact),
                        urgency == null ? Level.MEDIUM : Codes.parse(Level.class, urgency)),
                new TicketDraft.Topic(category, tags == null ? List.of() : tags.stream().filter(Objects::nonNull)
                        .map(t -> t.toLowerCase(Locale.ROOT)).distinct().toList()),
                articlesSeen == null ? List.of() : articlesSeen.stream().distinct().map(ArticleRef::new).toList());
    }
}
