package dev.aios.router.provider;

/** Receives text fragments of a streamed answer, in order. */
@FunctionalInterface
public interface TokenSink {
    TokenSink NONE = token -> {};

    void accept(String token);
}
