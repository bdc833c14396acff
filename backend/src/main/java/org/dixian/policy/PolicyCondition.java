package org.dixian.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * A node of a policy's eligibility conditions (rules as data): exactly one of all, any, not, member, or a leaf
 * fact + op + values / number. Validated by {@link ConditionRules}, evaluated by {@link JavaEvaluator} for one
 * household and translated by {@link SqlConditions} for the registry; both must agree.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyCondition(List<PolicyCondition> all, List<PolicyCondition> any,
                              @JsonProperty("not") @Schema(name = "not") PolicyCondition negated,
                              PolicyCondition member, PolicyFact fact, ConditionOp op, List<String> values,
                              BigDecimal number) {

    public static PolicyCondition allOf(PolicyCondition... c) {
        return new PolicyCondition(List.of(c), null, null, null, null, null, null, null);
    }

    public static PolicyCondition anyOf(PolicyCondition... c) {
        return new PolicyCondition(null, List.of(c), null, null, null, null, null, null);
    }

    public static PolicyCondition not(PolicyCondition c) {
        return new PolicyCondition(null, null, c, null, null, null, null, null);
    }

    public static PolicyCondition memberWith(PolicyCondition c) {
        return new PolicyCondition(null, null, null, c, null, null, null, null);
    }

    public static PolicyCondition in(PolicyFact fact, String... values) {
        return new PolicyCondition(null, null, null, null, fact, ConditionOp.IN, List.of(values), null);
    }

    public static PolicyCondition notIn(PolicyFact fact, String... values) {
        return new PolicyCondition(null, null, null, null, fact, ConditionOp.NOT_IN, List.of(values), null);
    }

    public static PolicyCondition compare(PolicyFact fact, ConditionOp op, String number) {
        return new PolicyCondition(null, null, null, null, fact, op, null, new BigDecimal(number));
    }

    public static PolicyCondition is(PolicyFact fact, boolean yes) {
        return new PolicyCondition(null, null, null, null, fact, yes ? ConditionOp.IS_TRUE : ConditionOp.IS_FALSE, null, null);
    }
}
