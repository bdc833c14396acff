package org.dixian.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Only the fields present are changed; version is the one read (optimistic locking). */
public record HouseholdChange(
        @NotNull(message = "请提供读取时的版本号") Integer version,
        @NotBlank(message = "请填写修改原因") @Size(max = 200, message = "原因最长 200 个字") String reason,
        @Size(max = 100, message = "地址最长 100 个字") String address,
        HouseholdCategory category,
        Integer liftedYear,
        Boolean enjoysPolicy,
        MonitoringType monitoringType,
        List<RiskType> riskTypes,
        LocalDate monitoringStart,
        Boolean riskEliminated,
        LocalDate riskEliminatedOn,
        Boolean housingSafe,
        Boolean waterSafe,
        @Pattern(regexp = "^[0-9]{12,25}$", message = "银行账号应为 12 到 25 位数字") String bankAccount) {
}
