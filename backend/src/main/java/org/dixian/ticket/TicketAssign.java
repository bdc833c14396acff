package org.dixian.ticket;

import jakarta.validation.constraints.*;



/** 转办: to a region ({@code assignTo}) or to a department ({@code departmentId}), exactly one of them. */
public record TicketAssign(@NotNull(message = "缺少版本号，请刷新后重试") Integer version,
        @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String assignTo,
        Long departmentId,
        @NotBlank(message = "请填写理由") @Size(max = 500, message = "理由最长 500 个字") String reason) {
}
