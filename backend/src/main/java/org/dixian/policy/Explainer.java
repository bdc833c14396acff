package org.dixian.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Why a household does or does not meet a policy: each check in Chinese with met or not (leaves; a member or not
 * node counts as one check), what is missing (the unmet parts of a top-level all, or the whole tree), a one-line
 * reason, and whether it is nearly met (a top-level all of two or more parts with exactly one unmet; a tree that is
 * a single part is met or not, never nearly).
 */
public final class Explainer {
    private final JavaEvaluator evaluator;
    private final Function<String, String> regionNames;

    public Explainer(JavaEvaluator evaluator, Function<String, String> regionNames) {
        this.evaluator = evaluator;
        this.regionNames = regionNames;
    }

    public record Result(boolean eligible, boolean nearlyMet, String reason, List<PolicyCheck> checks, List<String> missing,
                         List<String> met) {
    }

    public Result explain(PolicyCondition root, HouseholdFacts h) {
        List<PolicyCheck> checks = new ArrayList<>();
        checks(root, h, checks);
        boolean eligible = evaluator.test(root, h);
        List<String> missing = new ArrayList<>();
        List<String> met = new ArrayList<>();
        if (root.all() != null) {
            for (PolicyCondition c : root.all()) {
                (evaluator.test(c, h) ? met : missing).add(text(c));
            }
        } else if (!eligible) {
            missing.add(text(root));
        } else {
            met.add(metText(root, h));
        }
        boolean nearly = !eligible && root.all() != null && root.all().size() >= 2 && missing.size() == 1;
        String reason = eligible ? "符合：" + (root.all() != null ? String.join("；", allMet(root, h)) : met.get(0))
                : "不符合：" + String.join("；", missing);
        return new Result(eligible, nearly, reason, checks, missing, met);
    }

    private List<String> allMet(PolicyCondition root, HouseholdFacts h) {
        List<String> out = new ArrayList<>();
        root.all().forEach(c -> out.add(metText(c, h)));
        return out;
    }

    /** The parts that made a met node true: all of an all, the first met part of an any. */
    private String metText(PolicyCondition c, HouseholdFacts h) {
        if (c.all() != null) {
            List<String> parts = new ArrayList<>();
            c.all().forEach(x -> parts.add(metText(x, h)));
            return String.join("，", parts);
        }
        if (c.any() != null) {
            for (PolicyCondition x : c.any()) {
                if (evaluator.test(x, h)) {
                    return metText(x, h);
                }
            }
        }
        return text(c);
    }

    private void checks(PolicyCondition c, HouseholdFacts h, List<PolicyCheck> out) {
        if (c.all() != null || c.any() != null) {
            JavaEvaluator.children(c).forEach(x -> checks(x, h, out));
        } else {
            out.add(new PolicyCheck(text(c), evaluator.test(c, h)));
        }
    }

    String text(PolicyCondition c) {
        return ConditionRules.describe(c, regionNames);
    }
}
