package io.tierline.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.net.URI;
import org.jboss.resteasy.reactive.common.core.ResponseBuilderFactory;
import org.jboss.resteasy.reactive.common.jaxrs.AbstractResponseBuilder;
import org.jboss.resteasy.reactive.common.jaxrs.RuntimeDelegateImpl;

/**
 * Builds the resources' {@code Response}s: RESTEasy Reactive's common runtime implements JAX-RS's types (Response,
 * MediaType, the header delegates) and asks, through the service loader, for a factory of response builders, which
 * its server would otherwise provide (META-INF/services names this class). Relative Location headers are made
 * absolute when the reply is written ({@link HttpApiFunction}), as JAX-RS does.
 */
public final class ApiResponses implements ResponseBuilderFactory {
    /**
     * Makes JAX-RS build responses here whichever class loader loaded its runtime: in Quarkus's tests the JAX-RS
     * classes come from a parent class loader, whose service loader does not see the application's service files.
     */
    static void install() {
        RuntimeDelegate.setInstance(new RuntimeDelegateImpl() {
            @Override
            public Response.ResponseBuilder createResponseBuilder() {
                return new Builder();
            }
        });
    }

    @Override
    public Response.ResponseBuilder create() {
        return new Builder();
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public <T> org.jboss.resteasy.reactive.RestResponse.ResponseBuilder<T> createRestResponse() {
        throw new UnsupportedOperationException("the api's resources answer with jakarta.ws.rs.core.Response");
    }

    private static final class Builder extends AbstractResponseBuilder {
        @Override
        protected AbstractResponseBuilder doClone() {
            return new Builder();
        }

        @Override
        public Response.ResponseBuilder location(URI location) {
            return uri("Location", location);
        }

        @Override
        public Response.ResponseBuilder contentLocation(URI location) {
            return uri("Content-Location", location);
        }

        private Response.ResponseBuilder uri(String header, URI value) {
            if (value == null) {
                metadata.remove(header);
            } else {
                metadata.putSingle(header, value);
            }
            return this;
        }
    }
}
