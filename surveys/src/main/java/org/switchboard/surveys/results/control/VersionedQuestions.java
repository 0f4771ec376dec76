package org.switchboard.surveys.results.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.switchboard.surveys.control.Questionnaire;
import org.switchboard.surveys.control.Questionnaire.Question;

/**
 * The questions of all versions of a survey, matched by code: in the order of the latest version, then the
 * questions only older versions ask (newest first). A question is described as its latest version writes it, and
 * counts for a response only where the response's own version asks it.
 */
public final class VersionedQuestions {

    private final List<Version> newestFirst;
    private final Map<String, Question> questions = new LinkedHashMap<>();
    private final Map<Long, Set<String>> codesByVersion = new HashMap<>();

    public VersionedQuestions(List<Version> versions) {
        this.newestFirst = versions.stream().sorted(Comparator.comparingInt(Version::number).reversed()).toList();
        for (Version v : newestFirst) {
            Set<String> codes = new HashSet<>();
            for (Question q : v.questionnaire().questionList()) {
                codes.add(q.code());
                questions.putIfAbsent(q.code(), q);
            }
            codesByVersion.put(v.id(), codes);
        }
    }

    /** Every question code once, latest version's order first. */
    public List<Question> questions() {
        return new ArrayList<>(questions.values());
    }

    public Question question(String code) {
        return questions.get(code);
    }

    /** Whether the version {@code versionId} asks the question {@code code}. */
    public boolean asks(long versionId, String code) {
        return codesByVersion.getOrDefault(versionId, Set.of()).contains(code);
    }

    /** The latest version's questionnaire (its quotas and target are the ones in force), or null without versions. */
    public Questionnaire latest() {
        return newestFirst.isEmpty() ? null : newestFirst.get(0).questionnaire();
    }

    public List<Version> versions() {
        return newestFirst;
    }
}
