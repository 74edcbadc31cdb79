package dev.aios.standalone.scenario;

/** A request the scenario server cannot answer from its authored files; the message says what it did not recognise. */
final class UnrecognizedCall extends Exception {
    UnrecognizedCall(String message) {
        super(message);
    }
}
