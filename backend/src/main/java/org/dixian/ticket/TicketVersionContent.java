package org.dixian.ticket;

import jakarta.validation.constraints.*;



public record TicketVersionContent(@NotNull(message = "缺少版本号，请刷新后重试") Integer version,
        @NotBlank(message = "请填写答复内容") @Size(max = 2000, message = "内容最长 2000 个字") String content) {
}
