package org.dixian.cases;

import java.util.List;

public record Workbench(List<WorkTodo> todos, List<StageCount> counts) {
}
