package org.dixian.cases;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** 村民主评议: the meeting, its decision and opinion (the reason when it rejects or returns). */
public record VillageReviewRequest(
        @NotNull(message = "缺少版本号，请刷新后重试") Integer version,
        @NotNull(message = "请选择评议会议日期") LocalDate meetingDate,
        @NotNull(message = "请填写参会人数") @Min(value = 1, message = "参会人数至少 1 人") @Max(value = 1000, message = "参会人数最多 1000 人") Integer participants,
        @NotNull(message = "请选择评议结果") CaseDecision decision,
        @NotBlank(message = "请填写评议意见") @Size(max = 500, message = "评议意见最长 500 个字") String opinion,
        @DecimalMin(value = "-90", message = "纬度有误") @DecimalMax(value = "90", message = "纬度有误") Double latitude,
        @DecimalMin(value = "-180", message = "经度有误") @DecimalMax(value = "180", message = "经度有误") Double longitude,
        @Size(max = 9, message = "照片最多 9 张") List<@NotNull(message = "照片不能为空") Long> photoIds) {
}
