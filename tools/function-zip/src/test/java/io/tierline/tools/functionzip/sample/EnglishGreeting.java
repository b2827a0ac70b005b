package io.tierline.tools.functionzip.sample;

public final class EnglishGreeting implements Greeting {
    @Override
    public String greet() {
        return "hello";
    }
}
