package io.tierline.api;

import jakarta.enterprise.context.RequestScoped;

/** The request being answered, for what the routes' parameters do not carry (who signs in, the API's address). */
@RequestScoped
public class CurrentRequest {
    private IncomingRequest request;

    void set(IncomingRequest request) {
        this.request = request;
    }

    IncomingRequest get() {
        if (request == null) {
            throw new IllegalStateException("no request is being answered");
        }
        return request;
    }
}
