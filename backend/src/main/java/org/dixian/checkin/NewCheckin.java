package org.dixian.checkin;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

public record NewCheckin(
        @NotNull(message = "请选择签到所属的工作") CheckinTask task,
        @Size(max = 40, message = "所属工作标识最长 40 个字符") String taskRef,
        @NotNull(message = "请选择村") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String villageCode,
        @NotNull(message = "缺少定位纬度") @DecimalMin(value = "-90", message = "纬度应在 -90 到 90 之间") @DecimalMax(value = "90", message = "纬度应在 -90 到 90 之间") Double latitude,
        @NotNull(message = "缺少定位经度") @DecimalMin(value = "-180", message = "经度应在 -180 到 180 之间") @DecimalMax(value = "180", message = "经度应在 -180 到 180 之间") Double longitude,
        @NotNull(message = "缺少定位精度") @DecimalMin(value = "0", message = "定位精度不能为负数") @DecimalMax(value = "100000", message = "定位精度不能超过 100000 米") Double accuracy,
        OffsetDateTime clientTime,
        @Size(max = 200, message = "外勤原因最长 200 个字") String fieldReason,
        Long photoId) {
}
