package dev.aios.orchestrator.problem;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Tomcat answers some requests itself before Spring sees them (a malformed request line, an invalid character in the
 * target, a header it cannot parse), with an HTML page. This valve takes the place of Tomcat's error report valve and
 * writes those answers as RFC 9457 problem details, as every other error of the API is; it never writes over a body
 * the application already wrote.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"the server could not read this HTTP request (" + title.toLowerCase(Locale.ROOT)
                        + ")\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response cannot take a body: nothing more to say
        }
    }

    /** Puts the valve in place of every other error report valve on the host, after Spring Boot added its own. */
    @Configuration(proxyBeanMethods = false)
    static class Installation {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return new WebServerFactoryCustomizer<>() {
                @Override
                public void customize(TomcatServletWebServerFactory factory) {
                    factory.addContextCustomizers(context -> {
                        var pipeline = context.getParent().getPipeline();
                        for (Valve valve : pipeline.getValves()) {
                            if (valve instanceof ErrorReportValve) {
                                pipeline.removeValve(valve);
                            }
                        }
                        pipeline.addValve(new ProblemErrorReportValve());
                        if (context.getParent() instanceof StandardHost host) {
                            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                        }
                    });
                }
            };
        }
    }
}
