package io.tierline.tools.functionzip.sample;

/** A service interface the repacking test puts at a fake task root, with a provider in each of two jars. */
public interface Greeting {
    String greet();
}
