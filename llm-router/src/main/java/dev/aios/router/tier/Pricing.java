package dev.aios.router.tier;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Dollars per million input and output tokens. A price of P dollars per million tokens is exactly P micro-dollars
 * per token, so cost in micro-dollars = in × priceIn + out × priceOut, rounded half-up once at the end.
 */
public record Pricing(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    public static final Pricing FREE = new Pricing(BigDecimal.ZERO, BigDecimal.ZERO);

    public Pricing {
        requireNonNull(inputPerMillion, "input price");
        requireNonNull(outputPerMillion, "output price");
        if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }

    public long costMicros(long inputTokens, long outputTokens) {
        BigDecimal micros = inputPerMillion
                .multiply(BigDecimal.valueOf(inputTokens))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)));
        return micros.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
