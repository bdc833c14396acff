package org.dixian.ticket;

import jakarta.validation.constraints.*;


/** A farmer files a ticket in the mini-program. */
public record NewTicket(@NotNull(message = "请选择反映事项的类别") TicketCategory category,
        @NotBlank(message = "请填写标题") @Size(max = 50, message = "标题最长 50 个字") String title,
        @NotBlank(message = "请说明反映的事项") @Size(max = 1000, message = "内容最长 1000 个字") String description,
        Boolean anonymous,
        @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String villageCode,
        @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "手机号应为 11 位中国大陆手机号") String contactPhone,
        @Size(max = 9, message = "照片最多 9 张") java.util.List<@NotNull(message = "照片不能为空") Long> photoIds) {
}
