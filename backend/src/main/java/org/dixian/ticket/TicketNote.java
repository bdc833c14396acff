package org.dixian.ticket;

import jakarta.validation.constraints.*;



public record TicketNote(@NotBlank(message = "请填写办理情况") @Size(max = 2000, message = "内容最长 2000 个字") String content,
        @Size(max = 9, message = "照片最多 9 张") java.util.List<@NotNull(message = "照片不能为空") Long> photoIds) {
}
