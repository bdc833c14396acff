package org.dixian.checkin;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public record GeofenceUpdate(
        @NotNull(message = "请填写村中心纬度") @DecimalMin(value = "-90", message = "纬度应在 -90 到 90 之间") @DecimalMax(value = "90", message = "纬度应在 -90 到 90 之间") Double latitude,
        @NotNull(message = "请填写村中心经度") @DecimalMin(value = "-180", message = "经度应在 -180 到 180 之间") @DecimalMax(value = "180", message = "经度应在 -180 到 180 之间") Double longitude,
        @NotNull(message = "请填写签到范围半径") @Min(value = 100, message = "半径不能小于 100 米") @Max(value = 20000, message = "半径不能超过 20000 米") Integer radiusMeters) {
}
