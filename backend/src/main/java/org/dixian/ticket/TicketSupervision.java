package org.dixian.ticket;

import jakarta.validation.constraints.*;



public record TicketSupervision(@NotNull(message = "请选择要求办结的日期") java.time.LocalDate dueDate,
        @NotBlank(message = "请填写理由") @Size(max = 500, message = "理由最长 500 个字") String reason) {
}
