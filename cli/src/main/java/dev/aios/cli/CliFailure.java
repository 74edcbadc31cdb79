package dev.aios.cli;

/** An operation that failed for a reason the user can read in one line (exit status 1). */
final class CliFailure extends RuntimeException {
    CliFailure(String message) {
        super(message);
    }
}
