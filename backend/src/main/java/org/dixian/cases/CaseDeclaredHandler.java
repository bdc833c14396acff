package org.dixian.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.dixian.platform.outbox.OutboxHandler;


/**
 * A farmer's declaration is written by one SQL statement outside Hibernate, together with an outbox message
 * {@code case.declared}; the relay hands it here and the village's cadres get their home-visit todo (in-app and
 * WeChat). At least once: a rare duplicate notice is harmless.
 */
@ApplicationScoped
public class CaseDeclaredHandler implements OutboxHandler {
    private final CaseRepository cases;
    private final CaseNotices notices;

    public CaseDeclaredHandler(CaseRepository cases, CaseNotices notices) {
        this.cases = cases;
        this.notices = notices;
    }

    @Override
    public String topic() {
        return "case.declared";
    }

    @Override
    public Uni<Void> deliver(JsonNode payload) {
        long id = payload.path("caseId").asLong();
        return Panache.withTransaction(() -> cases.findById(id).chain(c -> {
            if (c == null || !c.open || c.stage != CaseStage.VISIT) {
                return Uni.createFrom().voidItem(); // withdrawn or already visited meanwhile: nothing to tell
            }
            return notices.assigned(c);
        }));
    }
}
