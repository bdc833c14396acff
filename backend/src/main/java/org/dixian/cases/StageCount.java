package org.dixian.cases;

public record StageCount(CaseStage stage, long open, long overdue) {
}
