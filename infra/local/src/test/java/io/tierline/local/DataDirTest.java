package io.tierline.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@code --data-dir}: a local restart loses nothing, queued SQS messages included. */
class DataDirTest {

    @TempDir
    Path folder;

    private Path wholeStackTemplate(String name, String deadLetterQueueProperties) throws Exception {
        TestFunctionZip.write(folder.resolve("function.zip"));
        try (InputStream resource = DataDirTest.class.getResourceAsStream("/whole-stack-template.yaml")) {
            String yaml = new String(resource.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return Files.writeString(folder.resolve(name), yaml.replace("""
                      WorkDeadLetterQueue:
                        Type: AWS::SQS::Queue
                    """, """
                      WorkDeadLetterQueue:
                        Type: AWS::SQS::Queue
                    """ + deadLetterQueueProperties));
        }
    }

    private LocalSystem start(Path template, Path dataDir) throws Exception {
        LocalSystem system = LocalSystem.start(LocalOptions.ephemeral(template).withDataDir(dataDir)
                .withCodeWorkFolder(folder.resolve("work")).withSchedules(false).withFunctionLog(System.out::println));
        system.awaitReady(Duration.ofSeconds(60));
        return system;
    }

    @Test
    void aQueuedMessageOutlivesARestart() throws Exception {
        Path dataDir = folder.resolve("data");
        // the dead-letter queue has no consumer: what is sent there waits
        try (LocalSystem first = start(wholeStackTemplate("first.yaml", ""), dataDir)) {
            String queue = first.queueUrl("WorkDeadLetterQueue");
            first.aws().sqs().sendMessage(r -> r.queueUrl(queue).messageBody("kept-1"));
            first.aws().sqs().sendMessage(r -> r.queueUrl(queue).messageBody("kept-2"));
            assertEquals("kept-1", first.aws().sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(1)
                    .visibilityTimeout(0)).messages().get(0).body(), "received but not deleted: still queued");
            // a second system on the same folder while this one runs would share ElasticMQ's one store
            assertThrows(IllegalStateException.class, () -> ElasticMqServer.start(0, dataDir));
        }

        // restarted with a template that changed the queue since: the queue takes the new attributes
        try (LocalSystem second = start(wholeStackTemplate("second.yaml", """
                    Properties:
                      VisibilityTimeout: 7
                """), dataDir)) {
            String queue = second.queueUrl("WorkDeadLetterQueue");
            List<Message> kept = second.aws().sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            assertEquals(List.of("kept-1", "kept-2"), kept.stream().map(Message::body).sorted().toList());
            assertEquals("7", second.aws().sqs().getQueueAttributes(r -> r.queueUrl(queue)
                    .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes()
                    .get(QueueAttributeName.VISIBILITY_TIMEOUT));
        }
    }
}
