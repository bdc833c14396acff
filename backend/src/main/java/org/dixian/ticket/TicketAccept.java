package org.dixian.ticket;

import jakarta.validation.constraints.*;



public record TicketAccept(@NotNull(message = "缺少版本号，请刷新后重试") Integer version,
        @NotNull(message = "请选择承办单位") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String assignTo,
        @Size(max = 500, message = "说明最长 500 个字") String note) {
}
