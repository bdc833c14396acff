package org.dixian.ticket;

import jakarta.validation.constraints.*;



public record TicketExtensionRequest(@NotNull(message = "缺少版本号，请刷新后重试") Integer version,
        @NotNull(message = "请填写延长的工作日数") @Min(value = 1, message = "至少延长 1 个工作日") @Max(value = 30, message = "最多延长 30 个工作日") Integer days,
        @NotBlank(message = "请填写理由") @Size(max = 500, message = "理由最长 500 个字") String reason) {
}
