package dev.aios.standalone.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/** Starts one service's Spring Boot application inside this JVM with its own configuration plus overrides. */
final class ServiceContexts {
    private ServiceContexts() {}

    static ConfigurableApplicationContext start(
            Class<?> applicationClass,
            WebApplicationType web,
            Map<String, Object> overrides,
            Consumer<ConfigurableApplicationContext> beforeRefresh) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // no application.yml from the shared classpath: the service's own file is added below
        defaults.put("spring.config.name", "aios-standalone-" + applicationClass.getSimpleName());
        // an open event stream must not hold the stop for Tomcat's default 30 s
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "3s");
        return new SpringApplicationBuilder(applicationClass)
                .web(web)
                // the launcher stops the contexts itself, in order; Spring's hooks would stop them all at once
                .registerShutdownHook(false)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(defaults)
                .initializers(context -> {
                    MutablePropertySources sources = context.getEnvironment().getPropertySources();
                    sources.addFirst(new MapPropertySource("aios-standalone-overrides", overrides));
                    ServiceConfig.of(applicationClass).forEach(sources::addLast);
                    beforeRefresh.accept(context);
                })
                .run();
    }
}
