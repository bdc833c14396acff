package org.dixian.team;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record LeaveDecision(
        @NotNull(message = "请选择是否批准") Boolean approve,
        @Size(max = 200, message = "审批意见最长 200 个字") String comment) {
}
