package org.dixian.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

public record NewApiClient(
        @NotBlank(message = "请填写名称") @Size(max = 60, message = "名称最长 60 个字") String name,
        @NotBlank(message = "请填写区划代码") @Pattern(regexp = "^[0-9]{12}$", message = "区划代码应为 12 位数字") String regionCode,
        @NotEmpty(message = "请至少选择一个授权范围") List<@NotBlank String> scopes) {
}
