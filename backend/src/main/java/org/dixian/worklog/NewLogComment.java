package org.dixian.worklog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record NewLogComment(
        @NotBlank(message = "请填写批注内容") @Size(max = 500, message = "批注最长 500 个字") String content) {
}
