package io.tierline.core.aws;

import io.tierline.core.notify.DeliveryFailure;
import io.tierline.core.notify.Email;
import io.tierline.core.notify.EmailSender;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;

/**
 * Email through Amazon SES v2 (plain text, UTF-8). Refusals that a retry cannot fix (a rejected message, an
 * unverified sender, a bad request) are permanent; throttling and outages are retried with backoff.
 */
public class SesEmailSender implements EmailSender {
    private final Supplier<SesV2Client> ses;

    /** @param ses made on first use: every function is wired in every Lambda, most never send email */
    public SesEmailSender(Supplier<SesV2Client> ses) {
        this.ses = ses;
    }

    /**
     * SES in the region the function runs in (AWS_REGION, which Lambda always sets) rather than one looked up through
     * the region provider chain, on the URL-connection HTTP client, made on first use. Credentials stay on the default
     * chain: under SnapStart Lambda provides them as container credentials instead of the AWS_ACCESS_KEY_ID
     * variables, which a fixed environment-variable provider would miss after a restore. Built here rather than in
     * the CDI wiring, whose methods Quarkus reflects on: SES types there would need the SES jar in every zip.
     */
    public static SesEmailSender inFunctionRegion() {
        return new SesEmailSender(new OnFirstUse());
    }

    private static final class OnFirstUse implements Supplier<SesV2Client> {
        private SesV2Client client;

        @Override
        public synchronized SesV2Client get() {
            if (client == null) {
                SesV2ClientBuilder builder = SesV2Client.builder().httpClient(UrlConnectionHttpClient.create());
                SdkSystemSetting.AWS_REGION.getStringValue().filter(region -> !region.isBlank())
                        .ifPresent(region -> builder.region(Region.of(region)));
                client = builder.build();
            }
            return client;
        }
    }

    @Override
    public void send(Email email, Instant now) throws DeliveryFailure {
        try {
            ses.get().sendEmail(b -> b.fromEmailAddress(email.from())
                    .destination(d -> d.toAddresses(email.to()))
                    .content(c -> c.simple(m -> m
                            .subject(t -> t.data(email.subject() == null ? "" : email.subject()).charset("UTF-8"))
                            .body(body -> body.text(t -> t.data(email.text() == null ? "" : email.text())
                                    .charset("UTF-8"))))));
        } catch (MessageRejectedException | MailFromDomainNotVerifiedException | BadRequestException
                 | AccountSuspendedException | SendingPausedException e) {
            throw new DeliveryFailure("email: SES refused it: " + e.getClass().getSimpleName() + " "
                    + e.getMessage(), true, e);
        } catch (SdkException e) {
            throw new DeliveryFailure("email: SES failed: " + e.getClass().getSimpleName() + " " + e.getMessage(),
                    false, e);
        }
    }
}
