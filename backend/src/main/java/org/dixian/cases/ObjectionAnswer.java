package org.dixian.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ObjectionAnswer(@NotBlank(message = "请填写答复内容") @Size(max = 500, message = "答复最长 500 个字") String answer) {
}
