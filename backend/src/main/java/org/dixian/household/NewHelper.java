package org.dixian.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewHelper(
        @NotBlank(message = "请填写姓名") @Size(max = 20, message = "姓名最长 20 个字") String name,
        @NotBlank(message = "请填写工作单位") @Size(max = 60, message = "工作单位最长 60 个字") String unit,
        @Size(max = 30, message = "职务最长 30 个字") String position,
        @NotNull(message = "请填写手机号") @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "手机号应为 11 位中国大陆手机号") String phone,
        @NotNull(message = "请填写登记区划") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String regionCode) {
}
