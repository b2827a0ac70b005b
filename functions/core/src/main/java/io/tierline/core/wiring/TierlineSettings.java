package io.tierline.core.wiring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * Every setting of Tierline's functions, read once from the Lambda environment that template.yaml sets (and the
 * local runner copies): {@code TIERLINE_QUEUE_TRIAGE_DLQ} is {@code tierline.queue.triage.dlq}. Each function's
 * Lambda gets only the settings it uses, and every function of a zip is wired in every Lambda, so what only some
 * functions need is optional here and required by the code that uses it, with the variable's name.
 */
@ConfigMapping(prefix = "tierline")
public interface TierlineSettings {
    /** TIERLINE_TABLE: the one DynamoDB table (tickets, audit events, claims, counters, deliveries). */
    String table();

    /** TIERLINE_QUEUE_*: the queues a function sends to, and each worker's own dead-letter queue. */
    Queues queue();

    /** TIERLINE_SWEEP_WINDOW: how far a sweep looks ahead; two minutes of a schedule that runs every minute. */
    @WithName("sweep.window")
    @WithDefault("PT2M")
    Duration sweepWindow();

    /** TIERLINE_REPORTS_AT_RISK_WINDOW: "at risk" means the next SLA deadline falls within this window. */
    @WithName("reports.at-risk-window")
    @WithDefault("PT1H")
    Duration atRiskWindow();

    /** TIERLINE_POLICY_FILE: the policy document; the one bundled in the core jar when unset. */
    @WithName("policy.file")
    Optional<String> policyFile();

    /** TIERLINE_CUSTOMER_TOKEN_SECRET: derives customers' status tokens; only functions that create tickets get it. */
    @WithName("customer.token.secret")
    Optional<String> customerTokenSecret();

    /** TIERLINE_IDEMPOTENCY_RETENTION: how long an idempotency claim is kept. */
    @WithName("idempotency.retention")
    @WithDefault("P14D")
    Duration idempotencyRetention();

    /** TIERLINE_TRIAGE_MODEL: a category model file; the model bundled in the core jar when unset. */
    @WithName("triage.model")
    Optional<String> triageModel();

    /**
     * TIERLINE_TRIAGE_RISK_MODEL: an escalation-risk model file written by {@code bin/train-risk}; the hand-weighted
     * risk when unset.
     */
    @WithName("triage.risk-model")
    Optional<String> triageRiskModel();

    Email email();

    /** TIERLINE_WEBHOOK_SIGNING_SECRET: signs generic webhooks; only the notify Lambda gets it. */
    @WithName("webhook.signing.secret")
    Optional<String> webhookSigningSecret();

    /** TIERLINE_NOTIFY_MAX_ATTEMPTS: deliveries of one notification before it fails for good. */
    @WithName("notify.max.attempts")
    @WithDefault("5")
    int notifyMaxAttempts();

    /** The agents' user pool; the api function's only, so the api requires it (AgentAuthenticator). */
    Auth auth();

    /** How the dashboard signs people in (the api's DashboardSettings). */
    @WithName("signin")
    SignIn signIn();

    /** TIERLINE_DASHBOARD_CONNECT_SRC: extra origins the dashboard may connect to, space-separated. */
    @WithName("dashboard.connect.src")
    Optional<String> dashboardConnectSrc();

    interface Queues {
        /** TIERLINE_QUEUE_TRIAGE */
        Optional<String> triage();

        /** TIERLINE_QUEUE_ESCALATION */
        Optional<String> escalation();

        /** TIERLINE_QUEUE_NOTIFY */
        @WithName("notify")
        Optional<String> notifications();

        /** TIERLINE_QUEUE_INTAKE_DLQ */
        @WithName("intake.dlq")
        Optional<String> intakeDeadLetters();

        /** TIERLINE_QUEUE_TRIAGE_DLQ */
        @WithName("triage.dlq")
        Optional<String> triageDeadLetters();

        /** TIERLINE_QUEUE_ESCALATION_DLQ */
        @WithName("escalation.dlq")
        Optional<String> escalationDeadLetters();

        /** TIERLINE_QUEUE_NOTIFY_DLQ */
        @WithName("notify.dlq")
        Optional<String> notifyDeadLetters();
    }

    interface Email {
        /** TIERLINE_EMAIL_DELIVERY: {@code ses}, or {@code outbox} to record email in the table (local runs). */
        @WithDefault("ses")
        String delivery();

        /** TIERLINE_EMAIL_FROM: the sender address; only the notify Lambda gets it. */
        Optional<String> from();
    }

    interface Auth {
        /** TIERLINE_AUTH_ISSUER: the user pool's ProviderURL (Cognito's has no scheme and means https). */
        Optional<String> issuer();

        /** TIERLINE_AUTH_AUDIENCE: the app client id agents' access tokens must carry. */
        Optional<String> audience();
    }

    interface SignIn {
        /** TIERLINE_SIGNIN_MODE: {@code cognito} or {@code local}. */
        @WithDefault("cognito")
        String mode();

        /** TIERLINE_SIGNIN_ENDPOINT: Cognito's regional endpoint, or the local runner's token endpoint. */
        Optional<String> endpoint();
    }
}
