package io.tierline.core.wiring;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import io.tierline.core.access.CustomerTokens;
import io.tierline.core.aws.DynamoDbArticleStore;
import io.tierline.core.aws.DynamoDbDeliveryLedger;
import io.tierline.core.aws.DynamoDbDueDeadlines;
import io.tierline.core.aws.DynamoDbKnowledgeCounts;
import io.tierline.core.aws.DynamoDbTicketQueries;
import io.tierline.core.aws.DynamoDbTicketReports;
import io.tierline.core.port.TicketReports;
import io.tierline.core.report.ReportService;
import io.tierline.core.aws.DynamoDbTicketStore;
import io.tierline.core.aws.EmfMetrics;
import io.tierline.core.metrics.Metrics;
import io.tierline.core.write.ObservedTicketStore;
import io.tierline.core.aws.OutboxEmailSender;
import io.tierline.core.aws.SesEmailSender;
import io.tierline.core.aws.SqsOutbox;
import io.tierline.core.classify.EscalationRisk;
import io.tierline.core.classify.TextClassifier;
import io.tierline.core.clocks.ClockKeeper;
import io.tierline.core.clocks.DeadlineFiring;
import io.tierline.core.escalation.EscalationEngine;
import io.tierline.core.escalation.EscalationService;
import io.tierline.core.followup.FollowUpService;
import io.tierline.core.followup.FollowUps;
import io.tierline.core.intake.IntakeService;
import io.tierline.core.knowledge.Deflection;
import io.tierline.core.knowledge.KnowledgeService;
import io.tierline.core.notify.DeliveryLedger;
import io.tierline.core.notify.EmailSender;
import io.tierline.core.notify.HttpDelivery;
import io.tierline.core.notify.NotificationService;
import io.tierline.core.notify.RetryPolicy;
import io.tierline.core.notify.SentEmails;
import io.tierline.core.policy.Policies;
import io.tierline.core.policy.PolicyDocument;
import io.tierline.core.policy.TransferPolicy;
import io.tierline.core.port.AfterWrite;
import io.tierline.core.routing.Roster;
import io.tierline.core.aws.DynamoDbRoster;
import io.tierline.core.routing.AssigningAfterWrite;
import io.tierline.core.routing.QueueWorklists;
import io.tierline.core.routing.RoutingService;
import io.tierline.core.port.DueDeadlines;
import io.tierline.core.port.Outbox;
import io.tierline.core.port.TicketQueries;
import io.tierline.core.port.TicketStore;
import io.tierline.core.triage.CustomerContacts;
import io.tierline.core.triage.TicketAssessor;
import io.tierline.core.triage.TriagePolicy;
import io.tierline.core.sweep.SweepService;
import io.tierline.core.triage.TriageService;
import io.tierline.core.work.TicketCommands;
import io.tierline.core.work.TicketWorkService;
import io.tierline.core.write.WritePipeline;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the core's services for the Quarkus functions from the settings ({@link TierlineSettings}) of the Lambda
 * environment that template.yaml sets.
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
    TicketStore ticketStore(DynamoDbClient dynamo, TierlineSettings settings, Metrics metrics) {
        return ObservedTicketStore.metered(new DynamoDbTicketStore(dynamo, settings.table()), metrics);
    }

    /** EMF lines on standard output, named by the Lambda function that wrote them (the runner sets it too). */
    @Produces
    @Singleton
    @DefaultBean
    Metrics metrics(Clock clock) {
        return EmfMetrics.toStandardOutput(clock, System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
    }

    /** One per function instance, so its search index is loaded once and kept until the articles change. */
    @Produces
    @Singleton
    KnowledgeService knowledgeService(DynamoDbClient dynamo, TierlineSettings settings, Clock clock) {
        return new KnowledgeService(new DynamoDbArticleStore(dynamo, settings.table()), clock);
    }

    @Produces
    @Singleton
    Deflection deflection(KnowledgeService knowledge, DynamoDbClient dynamo, TierlineSettings settings, Clock clock) {
        return new Deflection(knowledge, new DynamoDbKnowledgeCounts(dynamo, settings.table()), clock);
    }

    @Produces
    @Singleton
    Outbox outbox(SqsClient sqs, TierlineSettings settings) {
        TierlineSettings.Queues queues = settings.queue();
        return new SqsOutbox(sqs, queues.triage().orElse(null), queues.escalation().orElse(null),
                queues.notifications().orElse(null));
    }

    @Produces
    @Singleton
    ClockKeeper clockKeeper(Policies policies, EscalationEngine engine) {
        return new ClockKeeper(policies::sla, new FollowUps(policies::followUp).after(engine::follow));
    }

    /** Asks the customer, a set time after a resolution, whether it held (the escalate worker fires it). */
    @Produces
    @Singleton
    FollowUpService followUpService(TicketStore store, ClockKeeper keeper, CustomerTokens tokens, Outbox outbox,
                                    Clock clock, AfterWrite after) {
        return new FollowUpService(store, keeper, tokens, outbox, clock, after);
    }

    /** The engine reads clocks for its estimates only, so it gets a keeper that follows nothing. */
    @Produces
    @Singleton
    EscalationEngine escalationEngine(Policies policies) {
        return new EscalationEngine(policies::escalation, new ClockKeeper(policies::sla));
    }

    @Produces
    @Singleton
    EscalationService escalationService(TicketStore store, EscalationEngine engine, ClockKeeper keeper, Clock clock,
                                        AfterWrite after) {
        return new EscalationService(store, engine, keeper, clock, after);
    }

    /** What follows every write, whichever service wrote: the fan-out, then what falls due before the next sweep. */
    @Produces
    @Singleton
    AfterWrite afterWrite(TicketStore store, Outbox outbox, EscalationEngine engine, SweepService sweep, Clock clock,
                          RoutingService routing) {
        return new AssigningAfterWrite(new WritePipeline(store, outbox, engine::policies, sweep, clock), routing);
    }

    @Produces
    @Singleton
    Roster roster(DynamoDbClient dynamo, TierlineSettings settings) {
        return new DynamoDbRoster(dynamo, settings.table());
    }

    /**
     * Automatic assignment; its own writes go through the plain pipeline (an assignment needs no second round of
     * assignment).
     */
    @Produces
    @Singleton
    RoutingService routingService(TicketStore store, Roster roster, TicketQueries queries, Policies policies,
                                  Outbox outbox, EscalationEngine engine, SweepService sweep, Clock clock) {
        return new RoutingService(store, roster, new QueueWorklists(queries, clock), policies::staffing, clock,
                new WritePipeline(store, outbox, engine::policies, sweep, clock));
    }

    @Produces
    @Singleton
    TicketCommands ticketCommands(Policies policies, EscalationEngine engine) {
        return new TicketCommands(() -> policies, engine);
    }

    @Produces
    @Singleton
    DueDeadlines dueDeadlines(DynamoDbClient dynamo, TierlineSettings settings) {
        return new DynamoDbDueDeadlines(dynamo, settings.table());
    }

    @Produces
    @Singleton
    SweepService sweepService(DueDeadlines deadlines, Outbox outbox, TierlineSettings settings) {
        return new SweepService(deadlines, outbox, settings.sweepWindow());
    }

    @Produces
    @Singleton
    DeadlineFiring deadlineFiring(TicketStore store, ClockKeeper keeper, Clock clock, EscalationEngine engine,
                                  AfterWrite after) {
        return new DeadlineFiring(store, keeper, clock, engine::onSlaDeadline, after);
    }

    @Produces
    @Singleton
    TicketQueries ticketQueries(DynamoDbClient dynamo, TierlineSettings settings) {
        return new DynamoDbTicketQueries(dynamo, settings.table());
    }

    @Produces
    @Singleton
    TicketReports ticketReports(DynamoDbClient dynamo, TierlineSettings settings) {
        return new DynamoDbTicketReports(dynamo, settings.table());
    }

    @Produces
    @Singleton
    ReportService reportService(TicketReports reports, TierlineSettings settings) {
        return new ReportService(reports, settings.atRiskWindow());
    }

    @Produces
    @Singleton
    io.tierline.core.report.ReviewService reviewService(TicketReports reports) {
        return new io.tierline.core.report.ReviewService(reports);
    }

    @Produces
    @Singleton
    io.tierline.core.report.KnowledgeReport knowledgeReport(TicketReports reports, DynamoDbClient dynamo,
                                                           TierlineSettings settings) {
        return new io.tierline.core.report.KnowledgeReport(reports,
                new DynamoDbArticleStore(dynamo, settings.table()));
    }

    /**
     * Read when the function starts (Lambda's init), not at the first request that needs it: an invalid document
     * fails the start with every problem by path instead of failing every request.
     */
    @Produces
    @Singleton
    @Startup
    Policies policies(TierlineSettings settings) {
        return PolicyDocument.load(settings.policyFile().map(Path::of));
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
    CustomerTokens customerTokens(TierlineSettings settings) {
        return settings.customerTokenSecret().map(CustomerTokens::fromSecret).orElseGet(CustomerTokens::unconfigured);
    }

    @Produces
    @Singleton
    IntakeService intakeService(TicketStore store, Outbox outbox, CustomerTokens tokens, ClockKeeper keeper,
                                Clock clock, TierlineSettings settings, AfterWrite after) {
        return new IntakeService(store, outbox, tokens, keeper, clock, settings.idempotencyRetention(), after);
    }

    @Produces
    @Singleton
    TicketWorkService ticketWorkService(TicketStore store, CustomerTokens tokens, ClockKeeper keeper, Clock clock,
                                        TierlineSettings settings, AfterWrite after) {
        return new TicketWorkService(store, tokens, keeper, clock, settings.idempotencyRetention(), after);
    }

    /**
     * The category model is loaded once per process: from {@code tierline.triage.model} (TIERLINE_TRIAGE_MODEL, a
     * file path) when set, otherwise the model bundled in the core jar. The escalation-risk model likewise from
     * {@code tierline.triage.risk-model} (TIERLINE_TRIAGE_RISK_MODEL), the hand-weighted risk when unset. The
     * customer's earlier contacts and escalations come from the customer indexes. S3 locations are not supported yet.
     */
    @Produces
    @Singleton
    TicketAssessor ticketAssessor(TierlineSettings settings, TicketQueries queries) {
        Optional<TextClassifier> categoryModel = settings.triageModel().isEmpty()
                ? TextClassifier.bundledCategoryModel() : Optional.of(model(settings.triageModel().get(), "triage"));
        EscalationRisk risk = EscalationRisk.of(settings.triageRiskModel().map(file -> model(file, "risk")));
        return new TicketAssessor(categoryModel, risk, new CustomerContacts(queries));
    }

    private static TextClassifier model(String file, String kind) {
        try {
            return TextClassifier.load(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + kind + " model " + file, e);
        }
    }

    @Produces
    @Singleton
    TriageService triageService(TicketStore store, TriagePolicy policy, TicketAssessor assessor, ClockKeeper keeper,
                                Clock clock, AfterWrite after) {
        return new TriageService(store, () -> policy, assessor, keeper, clock, after);
    }

    /** Deliveries are remembered 30 days, far beyond the 14 days SQS could deliver a key again. */
    private static final Duration NOTIFY_RETENTION = Duration.ofDays(30);

    @Produces
    @Singleton
    DeliveryLedger deliveryLedger(DynamoDbClient dynamo, TierlineSettings settings) {
        return new DynamoDbDeliveryLedger(dynamo, settings.table(), NOTIFY_RETENTION);
    }

    /** The local outbox when TIERLINE_EMAIL_DELIVERY=outbox (the local runner), nothing when email goes to SES. */
    @Produces
    @Singleton
    SentEmails sentEmails(DynamoDbClient dynamo, TierlineSettings settings) {
        return outboxMode(settings.email().delivery())
                ? new OutboxEmailSender(dynamo, settings.table(), NOTIFY_RETENTION) : SentEmails.none();
    }

    /** SES's client is made on first use, with the Lambda's region and role, never in functions that send no email. */
    @Produces
    @Singleton
    EmailSender emailSender(DynamoDbClient dynamo, TierlineSettings settings) {
        if (outboxMode(settings.email().delivery())) {
            return new OutboxEmailSender(dynamo, settings.table(), NOTIFY_RETENTION);
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
                                            TierlineSettings settings) {
        HttpDelivery http = HttpDelivery.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
        return new NotificationService(ledger, NotificationService.standardChannels(email,
                settings.email().from().orElse(null), http, settings.webhookSigningSecret().orElse(null)), outbox,
                RetryPolicy.defaults(settings.notifyMaxAttempts()));
    }
}
