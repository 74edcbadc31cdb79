package dev.aios.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static java.util.Comparator.comparing;
import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.toCollection;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;

/** The rules that give modules walls, for any set of module roots (the AIOS ones, or a test's seeded fixtures). */
public final class ModuleWalls {
    private ModuleWalls() {}

    /**
     * No chain of dependencies leads from a package of a module back to itself. Unlike ArchUnit's slices, a caught
     * exception type counts as a dependency (a {@code catch} is as much a compile-time dependency as a call).
     */
    public static ArchRule packagesAreFreeOfCycles(ModuleRoots modules) {
        requireNonNull(modules, "modules");
        return all(new AbstractClassesTransformer<PackageCycles.Cycle>("package cycles inside the modules") {
                    @Override
                    public Iterable<PackageCycles.Cycle> doTransform(JavaClasses imported) {
                        return PackageCycles.in(imported, modules);
                    }
                })
                .should(new ArchCondition<PackageCycles.Cycle>("not exist") {
                    @Override
                    public void check(PackageCycles.Cycle cycle, ConditionEvents events) {
                        events.add(SimpleConditionEvent.violated(cycle, cycle.describe()));
                    }
                })
                .allowEmptyShould(true)
                .because("a cycle makes two packages one: neither can be read, tested or moved without the other");
    }

    /** A class may use a {@code ..internal..} package of its own module only (catching its exceptions included). */
    public static ArchRule internalPackagesStayInTheirModule(ModuleRoots modules) {
        requireNonNull(modules, "modules");
        return classes()
                .should(new ArchCondition<JavaClass>("use no ..internal.. package of another module") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> own = modules.moduleOf(origin.getPackageName());
                        for (Reference reference : Reference.from(origin)) {
                            Optional<String> theirs = modules.moduleOf(reference.targetPackage());
                            if (isInternal(reference.targetPackage()) && theirs.isPresent() && !theirs.equals(own)) {
                                events.add(SimpleConditionEvent.violated(
                                        origin,
                                        reference.description() + ", inside module " + theirs.get()
                                                + "'s internal package"));
                            }
                        }
                    }
                })
                .because("what a module keeps in ..internal.. may change without telling anyone outside it");
    }

    /** Every package that holds a module's classes has a {@code package-info.java} annotated {@code @NullMarked}. */
    public static ArchRule packagesAreNullMarked(ModuleRoots modules) {
        requireNonNull(modules, "modules");
        return all(new AbstractClassesTransformer<JavaPackage>("packages of the modules") {
                    @Override
                    public Iterable<JavaPackage> doTransform(JavaClasses imported) {
                        return imported.stream()
                                .filter(type ->
                                        modules.moduleOf(type.getPackageName()).isPresent())
                                .map(JavaClass::getPackage)
                                .collect(toCollection(() -> new TreeSet<>(comparing(JavaPackage::getName))));
                    }
                })
                .should(new ArchCondition<JavaPackage>("be annotated @NullMarked in their package-info.java") {
                    @Override
                    public void check(JavaPackage javaPackage, ConditionEvents events) {
                        boolean marked = javaPackage.isAnnotatedWith(NullMarked.class);
                        events.add(new SimpleConditionEvent(
                                javaPackage,
                                marked,
                                "package " + javaPackage.getName() + (marked ? " is" : " is not")
                                        + " annotated @NullMarked in its package-info.java"));
                    }
                })
                .because("nullness is declared once per package, so an unannotated type means non-null (JSpecify)");
    }

    private static boolean isInternal(String packageName) {
        return ("." + packageName + ".").contains(".internal.");
    }
}
