package dev.aios.router.security;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.authentication.preauth.x509.X509PrincipalExtractor;

/**
 * mTLS: the AIOS service a verified client certificate belongs to, by its DNS or URI SANs, then its CN, as
 * {@code aios.router.clients.<service>.certificate-names} lists them. A certificate that names no service yields no
 * principal, so the caller stays anonymous (and may still authenticate with a bearer token).
 */
final class CertificateServiceExtractor implements X509PrincipalExtractor {
    private static final int DNS_NAME = 2;
    private static final int URI = 6;

    private final ServiceCredentials credentials;

    CertificateServiceExtractor(ServiceCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public @Nullable Object extractPrincipal(X509Certificate certificate) {
        for (String name : names(certificate)) {
            Optional<String> service = credentials.serviceForCertificateName(name);
            if (service.isPresent()) {
                return service.get();
            }
        }
        return null;
    }

    static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() == 2
                            && san.get(0) instanceof Integer type
                            && (type == DNS_NAME || type == URI)
                            && san.get(1) instanceof String value) {
                        names.add(value);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable SAN extension: fall back to the CN
        }
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    names.add(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException e) {
            // no parsable subject: the SANs alone decide
        }
        return names;
    }
}
