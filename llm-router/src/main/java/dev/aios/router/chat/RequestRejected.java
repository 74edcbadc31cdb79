package dev.aios.router.chat;

import dev.aios.router.client.LlmCallException;

/** Bad input or a spent budget: refused with this HTTP status before anything is sent to a provider. */
public final class RequestRejected extends LlmCallException {
    private final int status;
    private final String title;

    RequestRejected(Kind kind, int status, String title, String detail) {
        super(kind, detail);
        this.status = status;
        this.title = title;
    }

    static RequestRejected invalid(String title, String detail) {
        return new RequestRejected(Kind.INVALID_REQUEST, 400, title, detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
