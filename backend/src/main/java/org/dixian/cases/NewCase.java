package org.dixian.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dixian.household.RiskType;

import java.util.List;

public record NewCase(
        @NotNull(message = "请选择农户") Long householdId,
        @NotNull(message = "请选择发现方式") CaseOpeningSource source,
        @NotEmpty(message = "请至少选择一种风险类型") @Size(max = 13, message = "风险类型最多 13 种") List<@NotNull(message = "风险类型不能为空") RiskType> riskTypes,
        @NotBlank(message = "请说明发现的情况") @Size(max = 500, message = "情况说明最长 500 个字") String description) {
}
