package dev.sobatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringDictionaryTest {

    @Test
    void theMapViewKeepsWireOrderAndIsReadOnly() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("b", "2");
        source.put("a", "1");
        StringDictionary dict = StringDictionary.of(source);

        assertThat(dict.asMap()).containsExactly(entry("b", "2"), entry("a", "1"));
        assertThat(dict.size()).isEqualTo(2);
        assertThatThrownBy(() -> dict.asMap().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> dict.pairs().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void changingTheSourceMapLaterDoesNotChangeTheDictionary() {
        Map<String, String> source = new LinkedHashMap<>();
        source.put("a", "1");
        StringDictionary dict = StringDictionary.of(source);

        source.put("b", "2");

        assertThat(dict.asMap()).containsOnlyKeys("a");
    }

    @Test
    void nilKeysAndValuesAreKept() {
        StringDictionary dict = StringDictionary.ofPairs(List.of(StringPair.of(null, "orphan"), StringPair.of("k", null)));

        assertThat(dict.get(null)).isEqualTo("orphan");
        assertThat(dict.get("k")).isNull();
        assertThat(dict.asMap()).containsExactly(entry(null, "orphan"), entry("k", null));
    }

    @Test
    void whenAKeyRepeatsTheLastPairWinsButAllPairsAreKept() {
        StringDictionary dict = StringDictionary.ofPairs(List.of(StringPair.of("k", "first"), StringPair.of("x", "1"),
                StringPair.of("k", "last")));

        assertThat(dict.get("k")).isEqualTo("last");
        assertThat(dict.asMap()).containsExactly(entry("k", "last"), entry("x", "1"));
        assertThat(dict.pairs()).hasSize(3);
    }

    @Test
    void withReturnsAChangedCopy() {
        StringDictionary dict = StringDictionary.empty().with("a", "1");

        StringDictionary changed = dict.with("a", "2").with("b", "3");

        assertThat(dict.asMap()).containsExactly(entry("a", "1"));
        assertThat(changed.asMap()).containsExactly(entry("a", "2"), entry("b", "3"));
        assertThat(StringDictionary.empty().isEmpty()).isTrue();
    }

    @Test
    void dictionariesWithTheSamePairsInTheSameOrderAreEqual() {
        StringDictionary a = StringDictionary.ofPairs(List.of(StringPair.of("a", "1"), StringPair.of("b", "2")));
        StringDictionary b = StringDictionary.of(Map.of("a", "1")).with("b", "2");
        StringDictionary reversed = StringDictionary.ofPairs(List.of(StringPair.of("b", "2"), StringPair.of("a", "1")));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(reversed);
        assertThat(StringDictionary.of(Map.of())).isEqualTo(StringDictionary.empty());
    }
}
