package org.dixian.ticket;

import jakarta.validation.constraints.*;
import org.dixian.household.RiskType;



public record TicketOpenCase(@NotEmpty(message = "请至少选择一种风险类型") @Size(max = 13, message = "风险类型最多 13 种") java.util.List<@NotNull(message = "风险类型不能为空") RiskType> riskTypes,
        @NotBlank(message = "请说明发现的困难") @Size(max = 500, message = "说明最长 500 个字") String description) {
}
