package org.switchboard.core.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.persistence.OptimisticLockException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.api.Json;

class ProblemsTest {

    enum Kind { A, B }

    record Body(String name, Integer count, LocalDate day, List<Kind> kinds, Inner inner) {
    }

    record Inner(long id) {
    }

    private static Problem problemOf(String json) {
        Throwable failure = catchThrowable(() -> Json.mapper().readValue(json, Body.class));
        assertThat(failure).as("the JSON should have been refused").isNotNull();
        return Problems.classify(failure);
    }

    @Test
    void malformedJsonSaysWhere() {
        Problem p = problemOf("{\"name\": \"x\", ");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.title()).isEqualTo("Malformed JSON");
        assertThat(p.detail()).contains("line 1").doesNotContain("Source");
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnes() {
        Problem p = problemOf("{\"nmae\": \"x\"}");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("nmae");
            assertThat(v.message()).contains("name").contains("count");
        });
    }

    @Test
    void wrongTypesNameTheFieldAndTheExpectedType() {
        assertThat(problemOf("{\"count\": \"seven\"}").violations().get(0))
                .isEqualTo(new Problem.Violation("count", "has the wrong type: expected a number"));
        assertThat(problemOf("{\"count\": 1.5}").violations().get(0).field()).isEqualTo("count");
        assertThat(problemOf("{\"name\": 5}").violations().get(0).field()).isEqualTo("name");
        assertThat(problemOf("{\"day\": \"28.11.2026\"}").violations().get(0).message()).contains("YYYY-MM-DD");
        assertThat(problemOf("{\"kinds\": [\"A\", \"C\"]}").violations().get(0))
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("kinds[1]");
                    assertThat(v.message()).contains("[A, B]");
                });
        assertThat(problemOf("{\"inner\": {\"id\": \"x\"}}").violations().get(0).field()).isEqualTo("inner.id");
        assertThat(problemOf("{\"count\": true}").violations().get(0).field()).isEqualTo("count");
    }

    @Test
    void conflictsAndStaleEditsAre409() {
        assertThat(Problems.classify(new RuntimeException(new OptimisticLockException("stale"))).status()).isEqualTo(409);
        ProblemException stale = ProblemException.staleVersion("User 'ivan'", 1, 2);
        Problem p = Problems.classify(stale);
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.detail()).contains("version 1").contains("version is 2");
    }

    @Test
    void unknownFailuresAre500WithoutInternals() {
        Problem p = Problems.classify(new IllegalStateException("secret internal state at com.example.Foo"));
        assertThat(p.status()).isEqualTo(500);
        assertThat(p.detail()).doesNotContain("secret").contains(p.instance());
        assertThat(p.instance()).startsWith("urn:uuid:");
    }
}
