package org.dixian.platform.idcard;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident ID numbers (居民身份证号码) per GB 11643-1999: 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd = male, even = female) and an ISO 7064 MOD 11-2 check character (0-9 or X).
 */
public record IdCardNumber(String value, LocalDate birthDate, Gender gender) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public enum Gender { MALE, FEMALE }

    /** Why a number is not valid, in Chinese, or empty when it is. */
    public static Optional<String> problem(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return Optional.of("请填写身份证号码");
        }
        String v = normalise(raw);
        if (!v.matches("^[0-9]{17}[0-9X]$")) {
            return Optional.of("身份证号码应为 18 位（最后一位可为 X）");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("身份证号码中的出生日期无效");
        }
        if (birth.isAfter(today) || birth.getYear() < 1900) {
            return Optional.of("身份证号码中的出生日期无效");
        }
        if (checkChar(v) != v.charAt(17)) {
            return Optional.of("身份证号码校验位错误，请核对");
        }
        return Optional.empty();
    }

    /** Parses a valid number; throws IllegalArgumentException with the Chinese reason otherwise. */
    public static IdCardNumber parse(String raw, LocalDate today) {
        problem(raw, today).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        String v = normalise(raw);
        LocalDate birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                Integer.parseInt(v.substring(12, 14)));
        Gender gender = (v.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        return new IdCardNumber(v, birth, gender);
    }

    /** The check character for the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Builds a valid number (for generators and tests): 6-digit area, birth date, 3-digit sequence. */
    public static String of(String area6, LocalDate birth, int sequence) {
        String first17 = area6 + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", sequence % 1000);
        return first17 + checkChar(first17);
    }

    public static String normalise(String raw) {
        return raw.trim().replace(" ", "").toUpperCase();
    }
}
