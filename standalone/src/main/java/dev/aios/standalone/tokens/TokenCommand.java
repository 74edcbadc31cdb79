package dev.aios.standalone.tokens;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aios token --role ROLE [--tenant T] [--subject S] [--ttl D]}: prints a token the standalone orchestrator
 * accepts, signed with the key under {@code $AIOS_HOME}. Bad arguments: exit 2 and one line.
 */
public final class TokenCommand {
    public static final String USAGE =
            "usage: token --role viewer|submitter|operator|admin [--tenant NAME] [--subject NAME]"
                    + " [--ttl DURATION (30m, 12h, 7d; default 12h)]";
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})([smhd])");
    private static final Duration MAX_TTL = Duration.ofDays(365);

    /** What to mint. */
    public record Request(String role, String tenant, String subject, Duration ttl) {}

    public static final class UsageException extends Exception {
        UsageException(String message) {
            super(message + " (" + USAGE + ")");
        }
    }

    private TokenCommand() {}

    /** Runs {@code token ARGS} (without the word {@code token}); returns the exit status. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = parse(args);
        } catch (UsageException e) {
            err.println("aios: token: " + e.getMessage());
            return 2;
        }
        try {
            out.println(LocalTokens.open(env).mint(request.subject(), request.role(), request.tenant(), request.ttl()));
            return 0;
        } catch (IOException e) {
            err.println("aios: token: " + e.getMessage());
            return 1;
        }
    }

    public static Request parse(String[] args) throws UsageException {
        String role = null;
        String tenant = LocalTokens.DEFAULT_TENANT;
        String subject = null;
        Duration ttl = Duration.ofHours(12);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException(
                        option.startsWith("--")
                                ? "option " + option + " needs a value"
                                : "unexpected '" + option + "'");
            }
            String value = args[++i];
            switch (option) {
                case "--role" -> role = value;
                case "--tenant" -> tenant = name("--tenant", value);
                case "--subject" -> subject = name("--subject", value);
                case "--ttl" -> ttl = ttl(value);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (role == null) {
            throw new UsageException("--role is required");
        }
        if (!LocalTokens.ROLES.contains(role)) {
            throw new UsageException("unknown role '" + role + "': choose one of viewer, submitter, operator, admin");
        }
        return new Request(role, tenant, subject == null ? "cli-" + role : subject, ttl);
    }

    private static String name(String option, String value) throws UsageException {
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}")) {
            throw new UsageException(option + " must be 1-100 letters, digits or . _ @ -, got '" + value + "'");
        }
        return value;
    }

    private static Duration ttl(String value) throws UsageException {
        Duration ttl;
        Matcher m = SHORT_DURATION.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            ttl = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                ttl = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new UsageException("--ttl must be a duration such as 30m, 12h or 7d, got '" + value + "'");
            }
        }
        if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new UsageException("--ttl must be between 1m and 365d, got '" + value + "'");
        }
        return ttl;
    }
}
