package org.dixian.household;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record HelperPage(List<Helper> items, Long nextAfter) {
}
