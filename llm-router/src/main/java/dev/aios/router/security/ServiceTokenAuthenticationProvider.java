package dev.aios.router.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Authenticates a presented bearer token as the AIOS service whose digest it matches; counts callers by outcome. */
final class ServiceTokenAuthenticationProvider implements AuthenticationProvider {
    private static final Logger log = LoggerFactory.getLogger(ServiceTokenAuthenticationProvider.class);
    static final String METRIC = "aios.router.callers";

    private final ServiceCredentials credentials;
    private final MeterRegistry meters;

    ServiceTokenAuthenticationProvider(ServiceCredentials credentials, MeterRegistry meters) {
        this.credentials = credentials;
        this.meters = meters;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        Object token = authentication.getCredentials();
        String service = token instanceof String presented
                ? credentials.serviceForToken(presented).orElse(null)
                : null;
        if (service == null) {
            meters.counter(METRIC, "service", "unknown", "outcome", "rejected").increment();
            log.warn("refused a router call: its bearer token matches no AIOS service");
            throw new BadCredentialsException("the bearer token matches no AIOS service");
        }
        meters.counter(METRIC, "service", service, "outcome", "authenticated").increment();
        return ServiceAuthentication.service(service);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ServiceAuthentication.class.isAssignableFrom(authentication);
    }
}
