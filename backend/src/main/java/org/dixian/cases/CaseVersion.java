package org.dixian.cases;

import jakarta.validation.constraints.NotNull;

/** The version of the case as the caller read it: an action on a stale case answers 409. */
public record CaseVersion(@NotNull(message = "缺少版本号，请刷新后重试") Integer version) {
}
