package org.dixian.ticket;

import jakarta.validation.constraints.*;

import java.time.OffsetDateTime;

/** A ticket pushed by a third-party platform (e.g. a city's 12345), identified by its own number there. */
public record ExternalTicket(
        @NotBlank(message = "请填写对方平台的工单号") @Size(max = 64, message = "工单号最长 64 个字符") String externalNo,
        @NotNull(message = "请选择来源渠道") TicketChannel channel,
        @NotNull(message = "请选择反映事项的类别") TicketCategory category,
        @NotBlank(message = "请填写标题") @Size(max = 50, message = "标题最长 50 个字") String title,
        @NotBlank(message = "请说明反映的事项") @Size(max = 1000, message = "内容最长 1000 个字") String description,
        @NotNull(message = "请选择事项所在区划") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String regionCode,
        @Size(max = 20, message = "姓名最长 20 个字") String complainantName,
        @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "手机号应为 11 位中国大陆手机号") String complainantPhone,
        Boolean anonymous,
        @NotNull(message = "请填写对方平台的受理时间") OffsetDateTime receivedAt) {
}
