package org.dixian.cases;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record CasePage(List<Case> items, Long nextAfter) {
}
