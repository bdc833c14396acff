package org.dixian.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A new policy (a draft) of the caller's own region. */
public record NewPolicy(@NotBlank(message = "请填写标题") @Size(max = 100, message = "标题最多 100 字") String title,
                        @Size(max = 60, message = "文号最多 60 字") String docNo,
                        @NotBlank(message = "请填写发文机关") @Size(max = 60, message = "发文机关最多 60 字") String issuer,
                        @NotNull(message = "请填写发布区划") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String regionCode,
                        @NotNull(message = "请选择类别") PolicyCategory category,
                        @NotNull(message = "请填写生效日期") LocalDate effectiveFrom,
                        LocalDate effectiveTo,
                        @NotBlank(message = "请填写通俗说明") @Size(max = 500, message = "通俗说明最多 500 字") String summary,
                        @Size(max = 200, message = "享受内容最多 200 字") String benefit,
                        @Size(max = 50000, message = "全文最多 50000 字") String body,
                        @Size(max = 10, message = "附件最多 10 个") List<Long> attachmentIds,
                        PolicyCondition conditions) {
}
