package org.switchboard.reporting.qa.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.reporting.qa.control.Scorecards;
import org.switchboard.reporting.qa.entity.Criterion;
import org.switchboard.reporting.qa.entity.Scorecard;

/** The JSON of scorecards. */
public final class ScorecardBodies {

    private ScorecardBodies() {
    }

    /** A scorecard as written; {@code active} defaults to true, {@code version} is required on PUT. */
    public record ScorecardInput(
            @NotBlank(message = "is required, e.g. Outbound sales call")
            @Size(max = 200, message = "must be at most 200 characters long") String name,
            @NotNull(message = "is required: the percent of the points a good call reaches, 0 to 100")
            @DecimalMin(value = "0", message = "must be between 0 and 100")
            @DecimalMax(value = "100", message = "must be between 0 and 100")
            @Digits(integer = 3, fraction = 1, message = "must have at most one decimal") BigDecimal passMark,
            @NotNull(message = "is required: at least one criterion")
            @Size(min = 1, max = 50, message = "must hold 1 to 50 criteria") @Valid List<CriterionInput> criteria,
            Boolean active,
            Long version) {

        Scorecards.Definition definition() {
            List<Criterion> list = new ArrayList<>();
            for (int i = 0; i < criteria.size(); i++) {
                CriterionInput c = criteria.get(i);
                if (c == null) {
                    throw ProblemException.invalid("criteria[" + i + "]", "must be {\"code\",\"text\",\"points\",\"fatal\"}");
                }
                list.add(new Criterion(c.code().trim(), c.text().trim(), c.points(), Boolean.TRUE.equals(c.fatal())));
            }
            return new Scorecards.Definition(name.trim(), passMark, list, active == null || active);
        }
    }

    /** One criterion; {@code fatal} (default false) fails the call outright when scored 0. */
    public record CriterionInput(
            @NotBlank(message = "is required, e.g. GREETING")
            @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9_.-]{0,39}\\s*",
                    message = "must be 1-40 letters, digits, '_', '.' or '-'") String code,
            @NotBlank(message = "is required: what the reviewer listens for")
            @Size(max = 500, message = "must be at most 500 characters long") String text,
            @NotNull(message = "is required: the most points this criterion gives")
            @Min(value = 1, message = "must be between 1 and 1000")
            @Max(value = 1000, message = "must be between 1 and 1000") Integer points,
            Boolean fatal) {
    }

    public record CriterionView(String code, String text, int points, boolean fatal) {
    }

    public record ScorecardView(Long id, String name, BigDecimal passMark, List<CriterionView> criteria, boolean active,
            String createdBy, Instant createdAt, long version) {

        static ScorecardView of(Scorecard s) {
            return new ScorecardView(s.getId(), s.getName(), s.getPassMark(), s.getCriteria().stream()
                    .map(c -> new CriterionView(c.getCode(), c.getText(), c.getPoints(), c.isFatal())).toList(),
                    s.isActive(), s.getCreatedBy(), s.getCreatedAt(), s.getVersion());
        }
    }
}
