package org.dixian.household;

public enum Gender {
    MALE, FEMALE
}
