package org.switchboard.reporting.qa.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.core.errors.Problem;
import org.switchboard.core.errors.ProblemException;
import org.switchboard.reporting.qa.entity.Criterion;
import org.switchboard.reporting.qa.entity.Scorecard;

/** Creates and edits scorecards; names are unique, ignoring case. */
@ApplicationScoped
public class Scorecards {

    @PersistenceContext
    EntityManager em;

    protected Scorecards() {
    }

    public Scorecards(EntityManager em) {
        this.em = em;
    }

    /** A scorecard's content as a caller sends it, already checked field by field. */
    public record Definition(String name, BigDecimal passMark, List<Criterion> criteria, boolean active) {
    }

    public Scorecard create(Definition definition, String by, Instant now) {
        checkCodes(definition);
        checkName(definition.name(), null);
        Scorecard scorecard = new Scorecard(by, now);
        scorecard.define(definition.name(), definition.passMark(), definition.criteria(), definition.active());
        em.persist(scorecard);
        em.flush();
        return scorecard;
    }

    /** Edits a scorecard; reviews written with it keep the criteria they were scored with. */
    public Scorecard update(long id, Definition definition, Long version) {
        Scorecard scorecard = find(id);
        ProblemException.requireVersion("Scorecard " + id, version, scorecard.getVersion());
        checkCodes(definition);
        checkName(definition.name(), id);
        scorecard.define(definition.name(), definition.passMark(), definition.criteria(), definition.active());
        em.flush();
        return scorecard;
    }

    public Scorecard find(long id) {
        Scorecard scorecard = em.find(Scorecard.class, id);
        if (scorecard == null) {
            throw ProblemException.notFound("There is no scorecard " + id);
        }
        return scorecard;
    }

    private void checkCodes(Definition definition) {
        List<Problem.Violation> violations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < definition.criteria().size(); i++) {
            Integer earlier = seen.putIfAbsent(definition.criteria().get(i).getCode(), i);
            if (earlier != null) {
                violations.add(new Problem.Violation("criteria[" + i + "].code",
                        "is the code of criteria[" + earlier + "] too; codes must differ"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private void checkName(String name, Long self) {
        jakarta.persistence.TypedQuery<Long> same = em.createQuery("SELECT s.id FROM Scorecard s"
                + " WHERE LOWER(s.name) = LOWER(:name)" + (self == null ? "" : " AND s.id <> :self"), Long.class)
                .setParameter("name", name);
        if (self != null) {
            same.setParameter("self", self);
        }
        List<Long> taken = same.setMaxResults(1).getResultList();
        if (!taken.isEmpty()) {
            throw ProblemException.conflict("Scorecard " + taken.get(0) + " already has the name '" + name
                    + "'; choose another", Map.of("id", taken.get(0)));
        }
    }
}
