package org.dixian.worklog;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

public record NewWorkLog(
        @NotBlank(message = "请选择村") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String villageCode,
        @NotNull(message = "请填写工作日期") LocalDate date,
        @NotBlank(message = "请填写日志内容") @Size(max = 2000, message = "日志内容最长 2000 个字") String content,
        @Size(max = 9, message = "最多 9 张照片") List<Long> photoIds,
        @DecimalMin(value = "-90", message = "纬度应在 -90 到 90 之间") @DecimalMax(value = "90", message = "纬度应在 -90 到 90 之间") Double latitude,
        @DecimalMin(value = "-180", message = "经度应在 -180 到 180 之间") @DecimalMax(value = "180", message = "经度应在 -180 到 180 之间") Double longitude,
        @DecimalMin(value = "0", message = "定位精度不能为负") @DecimalMax(value = "100000", message = "定位精度超出范围") Double accuracy,
        @Size(max = 20, message = "最多关联 20 户") List<Long> householdIds,
        @Size(max = 40, message = "工作编号最长 40 个字符") String taskRef) {
}
