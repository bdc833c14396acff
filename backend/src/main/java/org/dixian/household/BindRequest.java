package org.dixian.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record BindRequest(@NotBlank(message = "请填写姓名") @Size(max = 20, message = "姓名最长 20 个字") String name,
                          @NotBlank(message = "请填写身份证号码") @Size(max = 18, message = "身份证号码为 18 位") String idNumber,
                          String phone) {
}
