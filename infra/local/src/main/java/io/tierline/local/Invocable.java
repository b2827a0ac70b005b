package io.tierline.local;

import java.util.concurrent.CompletableFuture;

/** Something that takes a Lambda event payload and produces an invocation result: a running function. */
@FunctionalInterface
public interface Invocable {

    CompletableFuture<InvocationResult> invoke(byte[] payload);
}
