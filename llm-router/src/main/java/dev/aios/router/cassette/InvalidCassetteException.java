package dev.aios.router.cassette;

/** A cassette file that cannot be read as one: the message names the file and what is wrong. */
public final class InvalidCassetteException extends RuntimeException {
    public InvalidCassetteException(String message) {
        super(message);
    }
}
