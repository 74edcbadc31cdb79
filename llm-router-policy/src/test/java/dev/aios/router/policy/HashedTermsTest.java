package dev.aios.router.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HashedTermsTest {

    @Nested
    class Normalisation {
        @Test
        void readsCaseAndDigitsAsTheSameTerm() {
            // when two prompts differ only in case and in which digits they use
            HashedTerms a = HashedTerms.of("Add 12 Apples", 4096, 2, 100);
            HashedTerms b = HashedTerms.of("add 34 APPLES", 4096, 2, 100);

            // then they hash identically, and the term text shows the normalised form
            assertThat(buckets(a)).isEqualTo(buckets(b));
            assertThat(terms(a, "Add 12 Apples")).containsExactly("add", "00", "add 00", "apples", "00 apples");
        }

        @Test
        void splitsWordsOnEverythingButLettersAndDigits() {
            HashedTerms terms = HashedTerms.of("x=y+1; Straße, naïve!", 4096, 1, 100);

            assertThat(terms(terms, "x=y+1; Straße, naïve!")).containsExactly("x", "y", "0", "straße", "naïve");
        }
    }

    @Test
    void unigramsOnlyWhenNIsOne() {
        assertThat(HashedTerms.of("the cat sat", 4096, 1, 100).size()).isEqualTo(3);
        assertThat(HashedTerms.of("the cat sat", 4096, 2, 100).size()).isEqualTo(5);
    }

    @Test
    void valuesAreLogCountsScaledToUnitLength() {
        // given "a" three times and "b" once
        HashedTerms terms = HashedTerms.of("a a b a", 4096, 1, 100);

        // then the values are log(1+3) and log(1+1) over their Euclidean norm
        double norm = Math.hypot(Math.log(4), Math.log(2));
        assertThat(terms.size()).isEqualTo(2);
        assertThat(terms.count(0)).isEqualTo(3);
        assertThat(terms.value(0)).isCloseTo(Math.log(4) / norm, within(1e-12));
        assertThat(terms.value(1)).isCloseTo(Math.log(2) / norm, within(1e-12));
    }

    @Test
    void readsOnlyTheBoundedPrefix() {
        // "zebra" starts after the tenth character, so only "alpha" and "beta" are read
        HashedTerms terms = HashedTerms.of("alpha beta zebra", 4096, 1, 10);

        assertThat(terms(terms, "alpha beta zebra")).containsExactly("alpha", "beta");
    }

    @Test
    void anEmptyPromptHasNoTerms() {
        assertThat(HashedTerms.of("", 4096, 2, 100).size()).isZero();
        assertThat(HashedTerms.of("  ?! ", 4096, 2, 100).size()).isZero();
    }

    @Test
    void countsEveryTermOfALongPromptBeyondTheInitialTable() {
        // given 3,000 distinct words, far more than the table starts with
        StringBuilder prompt = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            prompt.append(word(i)).append(' ');
        }

        HashedTerms terms = HashedTerms.of(prompt.toString(), 1 << 20, 1, 100_000);

        // then the counts add up to the number of words, and no bucket is listed twice
        int total = 0;
        for (int k = 0; k < terms.size(); k++) {
            total += terms.count(k);
        }
        assertThat(total).isEqualTo(3000);
        assertThat(buckets(terms)).doesNotHaveDuplicates();
    }

    @Test
    void foldingEqualsHashingIntoFewerBuckets() {
        String prompt = "A farmer has 17 sheep and all but 9 die. How many sheep are left? Explain step by step, then answer.";
        HashedTerms large = HashedTerms.of(prompt, 1 << 16, 2, 4096);

        for (int smaller : new int[] {2, 64, 4096}) {
            HashedTerms direct = HashedTerms.of(prompt, smaller, 2, 4096);
            HashedTerms folded = large.fold(smaller);

            assertThat(buckets(folded)).as("buckets at %d", smaller).isEqualTo(buckets(direct));
            for (int k = 0; k < direct.size(); k++) {
                assertThat(folded.count(k)).isEqualTo(direct.count(k));
                assertThat(folded.value(k)).isEqualTo(direct.value(k));
                assertThat(folded.term(prompt, k)).isEqualTo(direct.term(prompt, k));
            }
        }
    }

    @Test
    void spreadsTermsOverTheBuckets() {
        // given 2,000 distinct words hashed into 4,096 buckets
        Map<Integer, Integer> perBucket = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            HashedTerms t = HashedTerms.of(word(i), 4096, 1, 100);
            perBucket.merge(t.bucket(0), 1, Integer::sum);
        }

        // then collisions are about what a uniform hash gives (expected distinct ≈ 4096·(1 - e^(-2000/4096)) ≈ 1584)
        assertThat(perBucket.size()).isBetween(1500, 1660);
    }

    @Test
    void rejectsAShapeItCannotHash() {
        assertThatThrownBy(() -> HashedTerms.of("x", 1000, 1, 10)).hasMessageContaining("power-of-two bucket count");
        assertThatThrownBy(() -> HashedTerms.of("x", 1 << 21, 1, 10)).hasMessageContaining("power-of-two bucket count");
        assertThatThrownBy(() -> HashedTerms.of("x", 1024, 3, 10)).hasMessageContaining("n = 3");
        assertThatThrownBy(() -> HashedTerms.of("x", 1024, 1, 0)).hasMessageContaining("at least one character");
    }

    /** A distinct all-letter word per number: its base-26 digits as letters. */
    private static String word(int i) {
        StringBuilder b = new StringBuilder("w");
        do {
            b.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return b.toString();
    }

    private static List<Integer> buckets(HashedTerms terms) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            out.add(terms.bucket(k));
        }
        return out;
    }

    private static List<String> terms(HashedTerms terms, String prompt) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < terms.size(); k++) {
            out.add(terms.term(prompt, k));
        }
        return out;
    }
}
