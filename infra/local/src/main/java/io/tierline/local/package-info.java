/**
 * Tierline's local runner: the world of {@code template.yaml}, on loopback, without Docker.
 *
 * <ul>
 *   <li>{@link io.tierline.local.SamTemplate} reads the template (tables, queues, functions and their events);</li>
 *   <li>{@link io.tierline.local.LocalAws} runs DynamoDB Local and ElasticMQ in this JVM and creates the resources;</li>
 *   <li>{@link io.tierline.local.FunctionProcess} runs each function as the managed Java runtime does, behind a
 *       {@link io.tierline.local.LambdaRuntimeApi};</li>
 *   <li>{@link io.tierline.local.HttpApiGateway}, {@link io.tierline.local.SqsEventSource},
 *       {@link io.tierline.local.ScheduleSource} and {@link io.tierline.local.LambdaInvokeApi} drive them;</li>
 *   <li>{@link io.tierline.local.LocalSystem} puts it all together (the API for end-to-end tests) and
 *       {@link io.tierline.local.LocalRunner} is its command line.</li>
 * </ul>
 * Function modules' tests use {@link io.tierline.local.testing.LocalAwsTestResource} and
 * {@link io.tierline.local.LambdaEvents}.
 */
package io.tierline.local;
