package io.tierline.core.wiring;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import io.tierline.core.access.CustomerTokens;
import io.tierline.core.aws.DynamoDbDeliveryLedger;
import io.tierline.core.aws.DynamoDbDueDeadlines;
import io.tierline.core.aws.DynamoDbTicketQueries;
import io.tierline.core.aws.DynamoDbTicketReports;
import io.tierline.core.port.TicketReports;
import io.tierline.core.report.ReportService;
import io.tierline.core.aws.DynamoDbTicketStore;
import io.tierline.core.aws.OutboxEmailSender;
import io.tierline.core.aws.SesEmailSender;
import io.tierline.core.aws.SqsOutbox;
import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.TextClassifier;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.clocks.DeadlineFiring;
import io.tierline.core.escalation.EscalationEngine;
import io.tierline.core.escalation.EscalationService;
import io.tierline.core.intake.IntakeService;
import io.tierline.core.notify.DeliveryLedger;
import io.tierline.core.notify.EmailSender;
import io.tierline.core.notify.HttpDelivery;
import io.tierline.core.notify.NotificationService;
import io.tierline.core.notify.RetryPolicy;
import io.tierline.core.notify.SentEmails;
import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.policy.TransferPolicy;
import io.tierline.core.port.DueDeadlines;
import io.tierline.core.port.Outbox;
import io.tierline.core.port.TicketQueries;
import io.tierline.core.port.TicketStore;
import io.tierline.core.triage.TicketAssessor;
import io.tierline.core.triage.TriagePolicy;
import io.tierline.core.sweep.SweepService;
import io.tierline.core.triage.TriageService;
import io.tierline.core.work.TicketWorkService;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the core's services for the Quarkus functions. Configuration comes from the Lambda environment that
 * template.yaml sets (TIERLINE_TABLE → tierline.table, TIERLINE_QUEUE_TRIAGE → tierline.queue.triage).
 */
public class CoreBeans {

    /** Tests replace this with a settable clock; nothing else in Tierline asks the system for the time. */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    TicketStore ticketStore(DynamoDbClient dynamo, @ConfigProperty(name = "tierline.table") String table) {
        return new DynamoDbTicketStore(dynamo, table);
    }

    @Produces
    @Singleton
    Outbox outbox(SqsClient sqs, @ConfigProperty(name = "tierline.queue.triage") Optional<String> triageQueue,
                  @ConfigProperty(name = "tierline.queue.escalation") Optional<String> escalationQueue,
                  @ConfigProperty(name = "tierline.queue.notify") Optional<String> notifyQueue) {
        return new SqsOutbox(sqs, triageQueue.orElse(null), escalationQueue.orElse(null), notifyQueue.orElse(null));
    }

    @Produces
    @Singleton
    ClockKeeper clockKeeper(Policies policies, EscalationEngine engine) {
        return new ClockKeeper(policies::sla, engine::follow);
    }

    /** The engine reads clocks for its estimates only, so it gets a keeper that follows nothing. */
    @Produces
    @Singleton
    EscalationEngine escalationEngine(Policies policies) {
        return new EscalationEngine(policies::escalation, new ClockKeeper(policies::sla));
    }

    @Produces
    @Singleton
    EscalationService escalationService(TicketStore store, Outbox outbox, EscalationEngine engine,
                                        ClockKeeper keeper, Clock clock) {
        return new EscalationService(store, outbox, engine, keeper, clock);
    }

    @Produces
    @Singleton
    DueDeadlines dueDeadlines(DynamoDbClient dynamo, @ConfigProperty(name = "tierline.table") String table) {
        return new DynamoDbDueDeadlines(dynamo, table);
    }

    /** Looks two minutes ahead from a schedule that runs every minute, so consecutive sweeps overlap. */
    @Produces
    @Singleton
    SweepService sweepService(DueDeadlines deadlines, Outbox outbox,
                              @ConfigProperty(name = "tierline.sweep.window", defaultValue = "PT2M") Duration window) {
        return new SweepService(deadlines, outbox, window);
    }

    @Produces
    @Singleton
    DeadlineFiring deadlineFiring(TicketStore store, ClockKeeper keeper, Clock clock, EscalationEngine engine) {
        return new DeadlineFiring(store, keeper, clock, engine::onSlaDeadline);
    }

    @Produces
    @Singleton
    TicketQueries ticketQueries(DynamoDbClient dynamo, @ConfigProperty(name = "tierline.table") String table) {
        return new DynamoDbTicketQueries(dynamo, table);
    }

    @Produces
    @Singleton
    TicketReports ticketReports(DynamoDbClient dynamo, @ConfigProperty(name = "tierline.table") String table) {
        return new DynamoDbTicketReports(dynamo, table);
    }

    /** "At risk": the next SLA deadline (warning or breach) falls within this window. */
    @Produces
    @Singleton
    ReportService reportService(TicketReports reports,
                                @ConfigProperty(name = "tierline.reports.at-risk-window", defaultValue = "PT1H")
                                Duration atRiskWindow) {
        return new ReportService(reports, atRiskWindow);
    }

    /**
     * Read when the function starts (Lambda's init), not at the first request that needs it: an invalid document
     * fails the start with every problem by path instead of failing every request.
     */
    @Produces
    @Singleton
    @Startup
    Policies policies(@ConfigProperty(name = "tierline.policy.file") Optional<String> file) {
        return PolicyDocument.load(file.map(Path::of));
    }

    @Produces
    @Singleton
    TriagePolicy triagePolicy(Policies policies) {
        return policies.triage();
    }

    @Produces
    @Singleton
    TransferPolicy transferPolicy(Policies policies) {
        return policies.transfers();
    }

    /**
     * The secret comes from Secrets Manager through template.yaml (TIERLINE_CUSTOMER_TOKEN_SECRET). Functions that
     * never create or open tickets for customers (triage) do not get it, so its absence fails only on first use.
     */
    @Produces
    @Singleton
    CustomerTokens customerTokens(@ConfigProperty(name = "tierline.customer.token.secret") Optional<String> secret) {
        return secret.map(CustomerTokens::fromSecret).orElseGet(CustomerTokens::unconfigured);
    }

    @Produces
    @Singleton
    IntakeService intakeService(TicketStore store, Outbox outbox, CustomerTokens tokens, ClockKeeper keeper,
                                Clock clock,
                                @ConfigProperty(name = "tierline.idempotency.retention", defaultValue = "P14D")
                                Duration retention) {
        return new IntakeService(store, outbox, tokens, keeper, clock, retention);
    }

    @Produces
    @Singleton
    TicketWorkService ticketWorkService(TicketStore store, CustomerTokens tokens, ClockKeeper keeper, Clock clock,
                                        @ConfigProperty(name = "tierline.idempotency.retention", defaultValue = "P14D")
                                        Duration retention) {
        return new TicketWorkService(store, tokens, keeper, clock, retention);
    }

    /**
     * The category model is loaded once per process: from {@code tierline.triage.model} (TIERLINE_TRIAGE_MODEL, a
     * file path) when set, otherwise the model bundled in the core jar. S3 locations are not supported yet.
     */
    @Produces
    @Singleton
    TicketAssessor ticketAssessor(@ConfigProperty(name = "tierline.triage.model") Optional<String> modelFile) {
        if (modelFile.isEmpty()) {
            return TicketAssessor.bundled();
        }
        try {
            return new TicketAssessor(Optional.of(TextClassifier.load(Path.of(modelFile.get()))),
                    EscalationRisk.fallback());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the triage model " + modelFile.get(), e);
        }
    }

    @Produces
    @Singleton
    TriageService triageService(TicketStore store, TriagePolicy policy, TicketAssessor assessor, ClockKeeper keeper,
                                Clock clock) {
        return new TriageService(store, () -> policy, assessor, keeper, clock);
    }

    /** Deliveries are remembered 30 days, far beyond the 14 days SQS could deliver a key again. */
    private static final Duration NOTIFY_RETENTION = Duration.ofDays(30);

    @Produces
    @Singleton
    DeliveryLedger deliveryLedger(DynamoDbClient dynamo, @ConfigProperty(name = "tierline.table") String table) {
        return new DynamoDbDeliveryLedger(dynamo, table, NOTIFY_RETENTION);
    }

    /** The local outbox when TIERLINE_EMAIL_DELIVERY=outbox (the local runner), nothing when email goes to SES. */
    @Produces
    @Singleton
    SentEmails sentEmails(DynamoDbClient dynamo, @ConfigProperty(name = "tierline.table") String table,
                          @ConfigProperty(name = "tierline.email.delivery", defaultValue = "ses") String delivery) {
        return outboxMode(delivery) ? new OutboxEmailSender(dynamo, table, NOTIFY_RETENTION) : SentEmails.none();
    }

    /** SES's client is made on first use, with the Lambda's region and role, never in functions that send no email. */
    @Produces
    @Singleton
    EmailSender emailSender(DynamoDbClient dynamo, @ConfigProperty(name = "tierline.table") String table,
                            @ConfigProperty(name = "tierline.email.delivery", defaultValue = "ses") String delivery) {
        if (outboxMode(delivery)) {
            return new OutboxEmailSender(dynamo, table, NOTIFY_RETENTION);
        }
        return SesEmailSender.inFunctionRegion();
    }

    private static boolean outboxMode(String delivery) {
        String mode = delivery.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("ses") && !mode.equals("outbox")) {
            throw new IllegalArgumentException("TIERLINE_EMAIL_DELIVERY must be ses or outbox, not " + delivery);
        }
        return mode.equals("outbox");
    }

    /**
     * Settings only the notify Lambda gets (template.yaml) are optional here: a missing sender address or webhook
     * secret fails the notifications that need it, permanently and with that reason, not the function's start.
     */
    @Produces
    @Singleton
    NotificationService notificationService(DeliveryLedger ledger, EmailSender email, Outbox outbox,
                                            @ConfigProperty(name = "tierline.email.from") Optional<String> from,
                                            @ConfigProperty(name = "tierline.webhook.signing.secret")
                                            Optional<String> webhookSecret,
                                            @ConfigProperty(name = "tierline.notify.max.attempts", defaultValue = "5")
                                            int maxAttempts) {
        HttpDelivery http = HttpDelivery.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
        return new NotificationService(ledger, NotificationService.standardChannels(email, from.orElse(null), http,
                webhookSecret.orElse(null)), outbox, RetryPolicy.defaults(maxAttempts));
    }
}
