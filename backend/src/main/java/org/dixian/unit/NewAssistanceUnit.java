package org.dixian.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewAssistanceUnit(
        @NotBlank(message = "请填写单位名称") @Size(max = 60, message = "单位名称最长 60 个字") String name,
        @Size(max = 60, message = "隶属最长 60 个字") String affiliation,
        @NotBlank(message = "请选择登记区划") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String regionCode,
        @Size(max = 20, message = "联系人最长 20 个字") String contactName,
        @Pattern(regexp = "^[0-9-]{7,20}$", message = "联系电话应为 7 至 20 位数字或短横线") String contactPhone) {
}
