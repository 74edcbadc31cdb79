package dev.aios.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.TryCatchBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * One type a class refers to, and where: ArchUnit's dependencies plus the exception types its code catches, which
 * ArchUnit 1.4 does not count although a {@code catch} needs the type as much as a call does.
 */
record Reference(JavaClass target, String description) {

    static List<Reference> from(JavaClass origin) {
        List<Reference> references = new ArrayList<>();
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
            JavaClass target = dependency.getTargetClass().getBaseComponentType();
            references.add(new Reference(target, dependency.getDescription()));
        }
        for (JavaCodeUnit codeUnit : origin.getCodeUnits()) {
            for (TryCatchBlock block : codeUnit.getTryCatchBlocks()) {
                for (JavaClass caught : block.getCaughtThrowables()) {
                    String where = "<" + codeUnit.getFullName() + "> catches <" + caught.getName() + ">";
                    references.add(new Reference(caught, where));
                }
            }
        }
        return references;
    }

    String targetPackage() {
        return target.getPackageName();
    }
}
