package org.dixian.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A draft notice or announcement for the caller's own region and everything below it. */
public record NewNotice(@NotNull(message = "请选择类型（通知公告或公示公告）") NoticeKind kind,
        @NotBlank(message = "请填写标题") @Size(max = 100, message = "标题最长 100 个字") String title,
        @NotBlank(message = "请填写正文") @Size(max = 20000, message = "正文最长 20000 个字符") String body,
        @NotNull(message = "请选择发布区划") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String regionCode,
        Boolean requireConfirm,
        @Size(max = 10, message = "附件最多 10 个") List<@NotNull(message = "附件不能为空") Long> attachmentIds) {
}
