package org.dixian.cases;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.dixian.household.MonitoringType;

/** A township review or county approval: the reason is required to reject or return, the type when the county passes. */
public record StageDecisionRequest(
        @NotNull(message = "缺少版本号，请刷新后重试") Integer version,
        @NotNull(message = "请选择审核结果") CaseDecision decision,
        @Size(max = 500, message = "理由最长 500 个字") String reason,
        MonitoringType monitoringType,
        @DecimalMin(value = "-90", message = "纬度有误") @DecimalMax(value = "90", message = "纬度有误") Double latitude,
        @DecimalMin(value = "-180", message = "经度有误") @DecimalMax(value = "180", message = "经度有误") Double longitude) {
}
