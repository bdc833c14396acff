package org.dixian.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The whole editable content of a policy, with the version read; a published policy needs the reason. */
public record PolicyUpdate(@NotNull(message = "请提供版本号") Integer version,
                           @NotBlank(message = "请填写标题") @Size(max = 100, message = "标题最多 100 字") String title,
                           @Size(max = 60, message = "文号最多 60 字") String docNo,
                           @NotBlank(message = "请填写发文机关") @Size(max = 60, message = "发文机关最多 60 字") String issuer,
                           @NotNull(message = "请选择类别") PolicyCategory category,
                           @NotNull(message = "请填写生效日期") LocalDate effectiveFrom,
                           LocalDate effectiveTo,
                           @NotBlank(message = "请填写通俗说明") @Size(max = 500, message = "通俗说明最多 500 字") String summary,
                           @Size(max = 200, message = "享受内容最多 200 字") String benefit,
                           @Size(max = 50000, message = "全文最多 50000 字") String body,
                           @Size(max = 10, message = "附件最多 10 个") List<Long> attachmentIds,
                           PolicyCondition conditions,
                           @Size(max = 500, message = "修改说明最多 500 字") String reason) {
}
