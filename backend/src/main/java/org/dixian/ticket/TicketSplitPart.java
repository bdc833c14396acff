package org.dixian.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One matter split off a ticket, with its own handling unit. */
public record TicketSplitPart(
        @NotNull(message = "请选择事项类别") TicketCategory category,
        @NotBlank(message = "请填写标题") @Size(max = 50, message = "标题最长 50 个字") String title,
        @NotBlank(message = "请说明该事项") @Size(max = 1000, message = "内容最长 1000 个字") String description,
        @NotNull(message = "请选择承办单位") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String assignTo) {
}
