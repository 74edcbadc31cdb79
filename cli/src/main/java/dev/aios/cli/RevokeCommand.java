package dev.aios.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./aios revoke SUBJECT --reason TEXT} (admins, ADR 0044): every token of the subject issued until now is
 * refused from then on; a token issued afterwards works.
 */
@Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        versionProvider = AiosCli.Version.class,
        description = "Revoke every token of a subject issued until now (a leaked token); tokens issued later work.")
final class RevokeCommand implements Callable<Integer> {
    static final int MAX_SUBJECT = 255;
    static final int MAX_REASON = 500;

    @ParentCommand
    AiosCli cli;

    @Mixin
    Connection connection = new Connection();

    @Parameters(
            index = "0",
            paramLabel = "SUBJECT",
            converter = Subject.class,
            description = "the tokens' sub claim, exactly as issued")
    String subject;

    @Option(
            names = "--reason",
            required = true,
            paramLabel = "TEXT",
            converter = Reason.class,
            description = "why, for the admins who list revocations (1-" + MAX_REASON + " characters)")
    String reason;

    @Override
    public Integer call() {
        String body = ApiClient.JSON
                .createObjectNode()
                .put("subject", subject)
                .put("reason", reason)
                .toString();
        JsonNode revoked = connection.client(cli.env).post("/api/v1/revocations", body);
        cli.out.println("revoked the tokens of " + TerminalBoard.clean(subject) + " issued before "
                + revoked.path("revokedBefore").asString() + "; a token issued since works");
        return 0;
    }

    static final class Subject implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked("the subject", value, MAX_SUBJECT);
        }
    }

    static final class Reason implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked("the reason", value, MAX_REASON);
        }
    }

    private static String checked(String what, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            throw new TypeConversionException(what + " must be 1-" + max + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new TypeConversionException(what + " must not contain control characters");
        }
        return value;
    }
}
