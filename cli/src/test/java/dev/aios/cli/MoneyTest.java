package dev.aios.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void dollarsBecomeMicroDollarsAndBack() {
        assertThat(Money.micros("5")).isEqualTo(5_000_000);
        assertThat(Money.micros("0.058")).isEqualTo(58_000);
        assertThat(Money.micros(" 12.50 ")).isEqualTo(12_500_000);
        assertThat(Money.dollars(5_000_000)).isEqualTo("$5.00");
        assertThat(Money.dollars(1_234)).isEqualTo("$0.0012");
    }

    @Test
    void refusesWhatIsNotAPositiveAmountWithinTheLimit() {
        assertThatThrownBy(() -> Money.micros("lots")).hasMessageContaining("is not an amount");
        assertThatThrownBy(() -> Money.micros("0")).hasMessageContaining("more than $0");
        assertThatThrownBy(() -> Money.micros("-3")).hasMessageContaining("more than $0");
        assertThatThrownBy(() -> Money.micros("1000001")).hasMessageContaining("at most $1000000.00");
    }
}
