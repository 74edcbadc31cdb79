package dev.aios.router.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PricingTest {

    @ParameterizedTest(name = "{0} in @ ${2}/M + {1} out @ ${3}/M = {4} micro-dollars")
    @CsvSource(textBlock = """
            812,     640,     3.00, 15.00, 12036
            1000000, 1000000, 3.00, 15.00, 18000000
            1,       1,       0.15, 0.60,  1
            3,       0,       0.15, 0.60,  0
            10,      10,      0.40, 1.60,  20
            0,       0,       3.00, 15.00, 0
            123457,  9876,    0.40, 1.60,  65184
            """)
    void costIsInTimesPriceInPlusOutTimesPriceOutPerMillion(
            long in, long out, String priceIn, String priceOut, long micros) {
        Pricing pricing = new Pricing(new BigDecimal(priceIn), new BigDecimal(priceOut));

        assertThat(pricing.costMicros(in, out)).isEqualTo(micros);
    }

    @Test
    void refusesNegativePrices() {
        assertThatThrownBy(() -> new Pricing(new BigDecimal("-1"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
