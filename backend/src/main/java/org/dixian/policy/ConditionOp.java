package org.dixian.policy;

/** How a leaf compares its fact: with values (IN, NOT_IN), with a number, or as a yes/no fact. */
public enum ConditionOp {
    IN, NOT_IN, LT, LE, GT, GE, IS_TRUE, IS_FALSE
}
