package org.dixian.ticket;

import jakarta.validation.constraints.*;



/** 受理并交办: to a region ({@code assignTo}) or to a department ({@code departmentId}), exactly one of them. */
public record TicketAccept(@NotNull(message = "缺少版本号，请刷新后重试") Integer version,
        @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String assignTo,
        Long departmentId,
        @Size(max = 500, message = "说明最长 500 个字") String note) {
}
