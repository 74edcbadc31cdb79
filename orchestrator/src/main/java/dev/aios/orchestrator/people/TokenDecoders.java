package dev.aios.orchestrator.people;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Spring Security's JWT decoder from Boot's {@code spring.security.oauth2.resourceserver.jwt.*} settings, with one
 * precedence whatever is set: a local public key (the standalone launcher's), else a JWK set URI, else the issuer's
 * discovery document. Every token is checked for signature, expiry, the issuer (when {@code issuer-uri} is set) and
 * the audience (when {@code audiences} is). Boot's own choice would let {@code issuer-uri} beside a public key mean
 * discovery, which a machine without an identity provider cannot do.
 */
@Configuration
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
class TokenDecoders {

    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, TokenRevocations revocations)
            throws IOException, GeneralSecurityException {
        return jwtDecoder(properties, List.of(revocations));
    }

    /** The decoder, with {@code more} checks after the signature, expiry, issuer and audience (revocations). */
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, List<OAuth2TokenValidator<Jwt>> more)
            throws IOException, GeneralSecurityException {
        OAuth2ResourceServerProperties.Jwt settings = properties.getJwt();
        OAuth2TokenValidator<Jwt> validator = validator(settings, more);
        if (settings.getPublicKeyLocation() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(rsaPublicKey(settings.getPublicKeyLocation()))
                    .build();
            return checked(decoder, validator);
        }
        if (hasText(settings.getJwkSetUri())) {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withJwkSetUri(settings.getJwkSetUri()).build();
            return checked(decoder, validator);
        }
        if (hasText(settings.getIssuerUri())) {
            // resolved on the first token, so the orchestrator starts while the identity provider is still starting
            return new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.getIssuerUri())
                        .build();
                return checked(decoder, validator);
            });
        }
        throw new IllegalStateException("no token issuer is configured: set spring.security.oauth2.resourceserver.jwt"
                + ".issuer-uri, jwk-set-uri or public-key-location (docs/deploy.md, section People)");
    }

    /**
     * The validators, and Spring's claim conversions except one: a token without {@code iat} keeps none, where Spring
     * would make one up a second before its expiry, and so let it look newer than a revocation (ADR 0044).
     */
    private static NimbusJwtDecoder checked(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        decoder.setJwtValidator(validator);
        MappedJwtClaimSetConverter spring = MappedJwtClaimSetConverter.withDefaults(Map.of());
        decoder.setClaimSetConverter(claims -> {
            Map<String, Object> converted = spring.convert(claims);
            if (claims.get(JwtClaimNames.IAT) != null || converted == null) {
                return converted;
            }
            Map<String, Object> withoutMadeUpIssueTime = new HashMap<>(converted);
            withoutMadeUpIssueTime.remove(JwtClaimNames.IAT);
            return withoutMadeUpIssueTime;
        });
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(
            OAuth2ResourceServerProperties.Jwt settings, List<OAuth2TokenValidator<Jwt>> more) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        if (hasText(settings.getIssuerUri())) {
            validators.add(new JwtIssuerValidator(settings.getIssuerUri()));
        }
        List<String> audiences = settings.getAudiences();
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        validators.addAll(more);
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey rsaPublicKey(Resource location) throws IOException, GeneralSecurityException {
        try (InputStream in = location.getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replace("-----BEGIN PUBLIC KEY-----", "")
                    .replace("-----END PUBLIC KEY-----", "");
            byte[] der = Base64.getMimeDecoder().decode(pem);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
