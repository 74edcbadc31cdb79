package dev.aios.router.ratelimit;

/** A provider's limits per minute; zero means no limit of that kind. */
public record ProviderLimit(long requestsPerMinute, long tokensPerMinute) {
    public ProviderLimit {
        if (requestsPerMinute < 0 || tokensPerMinute < 0) {
            throw new IllegalArgumentException("rate limits cannot be negative: " + requestsPerMinute + " requests, "
                    + tokensPerMinute + " tokens per minute");
        }
    }

    public boolean limits() {
        return requestsPerMinute > 0 || tokensPerMinute > 0;
    }
}
