package org.dixian.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Module seams: WeChat stays in platform/wechat; features reach each other only through services. */
class ArchitectureTest {
    private static final List<String> FEATURES = List.of("account", "auth", "client", "region", "demo", "notification", "media", "ticket", "policy", "notice", "department", "checkin", "team", "unit", "worklog");
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dixian");
    }

    @Test
    void wxJavaOnlyInsideTheWeChatAdapter() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.dixian.platform.wechat..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.binarywang..", "me.chanjar..");
        rule.check(classes);
    }

    @Test
    void featuresDoNotReadEachOthersRepositoriesOrEntities() {
        for (String feature : FEATURES) {
            ArchRule rule = noClasses().that().resideOutsideOfPackage("org.dixian." + feature + "..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                            feature + " repositories and entities",
                            c -> c.getPackageName().startsWith("org.dixian." + feature)
                                    && (c.getSimpleName().endsWith("Repository") || c.getSimpleName().endsWith("Entity"))));
            rule.check(classes);
        }
    }

    @Test
    void resourcesNeverTouchRepositories() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository");
        rule.check(classes);
    }

    @Test
    void platformDoesNotDependOnFeatures() {
        ArchRule rule = noClasses().that().resideInAPackage("org.dixian.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES.stream()
                        .map(f -> "org.dixian." + f + "..").toArray(String[]::new));
        rule.check(classes);
    }
}
