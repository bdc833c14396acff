package org.dixian.team;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record NewTeamMember(
        @NotNull(message = "请选择驻村干部") Long accountId,
        @NotNull(message = "请选择队内职务") TeamRole teamRole,
        @Size(max = 60, message = "派出单位最长 60 个字") String sendingUnit,
        @NotNull(message = "请填写选派开始日期") LocalDate dispatchFrom,
        LocalDate dispatchTo) {
}
