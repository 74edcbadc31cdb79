package dev.aios.standalone;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's terminal shows the sprint, not the logs: warnings and errors reach the console, everything goes to a
 * log file. The embedded broker and database are quiet in both modes.
 */
final class Logging {
    private Logging() {}

    static void configure(StandaloneCommand command) {
        boolean demo = command.name().equals("demo");
        // read by every Spring Boot context this JVM starts
        System.setProperty("logging.level.qpid.message", "WARN");
        System.setProperty("logging.level.org.apache.qpid", "WARN");
        System.setProperty("logging.level.io.zonky", "WARN");
        System.setProperty("logging.level.ai.djl", "ERROR");
        if (demo) {
            System.setProperty("logging.threshold.console", "WARN");
            System.setProperty("logging.file.name", logFile(command).toString());
        }
        // before the first Spring context: the embedded broker and database start under logback's defaults
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(demo ? Level.WARN : Level.INFO);
        logback.getLogger("qpid.message").setLevel(Level.WARN);
        logback.getLogger("org.apache.qpid").setLevel(Level.WARN);
        logback.getLogger("io.zonky").setLevel(Level.WARN);
        logback.getLogger("ai.djl").setLevel(Level.ERROR); // "no CUDA driver" while probing for a GPU it does not need
    }

    static Path logFile(StandaloneCommand command) {
        return command.outputDirectory().resolve("aios-demo.log").toAbsolutePath();
    }
}
