package io.tierline.workers;

import io.tierline.core.wiring.LogContext;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import io.quarkus.funqy.Funq;
import io.tierline.core.intake.IdempotencyConflictException;
import io.tierline.core.idempotency.IdempotencyKey;
import io.tierline.core.intake.IntakeResult;
import io.tierline.core.intake.IntakeService;
import io.tierline.core.intake.Sha256;
import io.tierline.core.request.TicketRequestReader;
import io.tierline.core.json.Json;
import io.tierline.core.metrics.Measurement;
import io.tierline.core.metrics.Metrics;
import io.tierline.core.ticket.Actor;
import io.tierline.core.ticket.Channel;
import io.tierline.core.ticket.TicketDraft;
import io.tierline.core.validation.InvalidInputException;
import io.tierline.core.wiring.TierlineSettings;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Tickets from other services: the same JSON as {@code POST /tickets}, one ticket per message. The producer's
 * message attribute {@code idempotencyKey} makes resends harmless; without it, the body's SHA-256 is the key, so the
 * same message sent twice still creates one ticket. An optional {@code source} attribute names the producer.
 */
public class IntakeFunction {
    static final String KEY_ATTRIBUTE = "idempotencyKey";
    static final String SOURCE_ATTRIBUTE = "source";
    private static final Logger LOG = Logger.getLogger(IntakeFunction.class);

    @Inject
    IntakeService intake;
    @Inject
    DeadLetters deadLetters;
    @Inject
    TierlineSettings settings;
    @Inject
    Metrics metrics;

    @Funq("intake")
    public void intake(SQSMessage message) {
        LogContext.message(message.getMessageId());
        try {
            TicketDraft draft = TicketRequestReader.read(Json.parse(message.getBody()), Channel.API);
            IdempotencyKey key = attribute(message, KEY_ATTRIBUTE)
                    .map(k -> IdempotencyKey.of("intake", k, "messageAttributes." + KEY_ATTRIBUTE))
                    .orElseGet(() -> new IdempotencyKey("intake", "sha256:"
                            + Sha256.hex(message.getBody() == null ? "" : message.getBody())));
            Actor source = Actor.service(attribute(message, SOURCE_ATTRIBUTE).orElse("intake-queue"));
            IntakeResult result = intake.submit(draft, source, Optional.of(key));
            LogContext.ticket(result.ticket().id());
            if (result.replayed()) {
                metrics.record(Measurement.duplicateDropped(result.ticket().id(), Measurement.Stage.INTAKE));
            }
            LOG.infof("intake message %s -> ticket %s%s", message.getMessageId(), result.ticket().id(),
                    result.replayed() ? " (duplicate, nothing created)" : "");
        } catch (InvalidInputException | IdempotencyConflictException e) {
            String queue = DeadLetters.required(deadLetterQueue(), "TIERLINE_QUEUE_INTAKE_DLQ");
            deadLetters.refuse(message, queue, "intake", e.getMessage());
        }
    }

    private static Optional<String> attribute(SQSMessage message, String name) {
        if (message.getMessageAttributes() == null) {
            return Optional.empty();
        }
        MessageAttribute value = message.getMessageAttributes().get(name);
        return value == null ? Optional.empty() : Optional.ofNullable(value.getStringValue());
    }

    // Optional: every function of the zip is wired in every Lambda, but only this one's Lambda sets it.
    private Optional<String> deadLetterQueue() {
        return settings.queue().intakeDeadLetters();
    }
}
