package dev.aios.standalone.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.UrlResource;

/**
 * Reads one service's own {@code application.yml}. Every service jar has one at the root of the classpath, so in one
 * JVM {@code classpath:application.yml} would find whichever comes first: each context instead loads the file from
 * the jar (or classes directory) of its own application class.
 */
final class ServiceConfig {
    private ServiceConfig() {}

    static List<PropertySource<?>> of(Class<?> applicationClass) {
        URL yaml = locate(applicationClass);
        try {
            return new YamlPropertySourceLoader()
                    .load(applicationClass.getSimpleName() + " application.yml", new UrlResource(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml, e);
        }
    }

    static URL locate(Class<?> applicationClass) {
        String base = applicationClass
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        String yaml;
        if (base.endsWith(".jar")) {
            yaml = "jar:" + base + "!/application.yml";
        } else if (base.endsWith("/")) {
            yaml = base + "application.yml";
        } else {
            yaml = base + "/application.yml";
        }
        try {
            return URI.create(yaml).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "cannot locate application.yml of " + applicationClass.getName() + " at " + yaml, e);
        }
    }
}
