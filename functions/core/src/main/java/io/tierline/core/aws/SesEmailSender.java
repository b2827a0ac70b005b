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
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.SesClientBuilder;
import software.amazon.awssdk.services.ses.model.AccountSendingPausedException;
import software.amazon.awssdk.services.ses.model.ConfigurationSetDoesNotExistException;
import software.amazon.awssdk.services.ses.model.ConfigurationSetSendingPausedException;
import software.amazon.awssdk.services.ses.model.Content;
import software.amazon.awssdk.services.ses.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.ses.model.MessageRejectedException;
import software.amazon.awssdk.services.ses.model.SesException;

/**
 * Email through Amazon SES's SendEmail (plain text, UTF-8). The classic SES API rather than v2: the same call, and a
 * client jar of 1.8 MB instead of 3.1 MB in a zip that must stay within 20 MB (README, "Cold start").
 * Refusals that a retry cannot fix (a rejected message, an unverified sender, a paused account, any other 400 but
 * throttling) are permanent; throttling and outages are retried with backoff.
 */
public class SesEmailSender implements EmailSender {
    private static final String UTF_8 = "UTF-8";
    private final Supplier<SesClient> ses;

    /** @param ses made on first use: every function is wired in every Lambda, most never send email */
    public SesEmailSender(Supplier<SesClient> ses) {
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

    private static final class OnFirstUse implements Supplier<SesClient> {
        private SesClient client;

        @Override
        public synchronized SesClient get() {
            if (client == null) {
                SesClientBuilder builder = SesClient.builder().httpClient(UrlConnectionHttpClient.create());
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
            ses.get().sendEmail(b -> b.source(email.from())
                    .destination(d -> d.toAddresses(email.to()))
                    .message(m -> m.subject(utf8(email.subject())).body(body -> body.text(utf8(email.text())))));
        } catch (MessageRejectedException | MailFromDomainNotVerifiedException | AccountSendingPausedException
                 | ConfigurationSetDoesNotExistException | ConfigurationSetSendingPausedException e) {
            throw refused(e);
        } catch (SesException e) {
            if (e.statusCode() == 400 && !e.isThrottlingException()) {
                throw refused(e);
            }
            throw failed(e);
        } catch (SdkException e) {
            throw failed(e);
        }
    }

    private static Content utf8(String text) {
        return Content.builder().data(text == null ? "" : text).charset(UTF_8).build();
    }

    private static DeliveryFailure refused(SdkException e) {
        return new DeliveryFailure("email: SES refused it: " + describe(e), true, e);
    }

    private static DeliveryFailure failed(SdkException e) {
        return new DeliveryFailure("email: SES failed: " + describe(e), false, e);
    }

    private static String describe(SdkException e) {
        return e.getClass().getSimpleName() + " " + e.getMessage();
    }
}
