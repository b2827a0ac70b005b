package io.tierline.tools.functionzip.sample;

public final class FrenchGreeting implements Greeting {
    @Override
    public String greet() {
        return "bonjour";
    }
}
