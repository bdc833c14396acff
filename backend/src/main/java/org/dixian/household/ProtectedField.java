package org.dixian.household;

public enum ProtectedField {
    ID_NUMBER, PHONE, BANK_ACCOUNT
}
