package dev.aios.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The package dependency graph of the modules' classes and its cycles (strongly connected components of more than
 * one package), over every {@link Reference}, caught exception types included. A package and its {@code internal}
 * subpackages count as one node: an API package builds its implementation and the implementation implements the
 * API's interfaces, so they depend on each other by design; the wall between them faces other modules
 * ({@code internalPackagesStayInTheirModule}). A cycle through an internal package and any other package is still
 * one.
 */
final class PackageCycles {
    /** Packages that depend on each other in a cycle, and one example of each dependency between them. */
    record Cycle(SortedSet<String> packages, SortedMap<String, String> dependencies) {
        String describe() {
            StringBuilder text = new StringBuilder("Cycle detected among packages " + packages + ":");
            dependencies.forEach((edge, example) -> text.append(System.lineSeparator())
                    .append("    ")
                    .append(edge)
                    .append(": ")
                    .append(example));
            return text.toString();
        }
    }

    private final Map<String, SortedMap<String, String>> edges = new TreeMap<>();

    private PackageCycles(JavaClasses classes, ModuleRoots modules) {
        for (JavaClass origin : classes) {
            if (modules.moduleOf(origin.getPackageName()).isEmpty()) {
                continue;
            }
            String from = unit(origin.getPackageName());
            edges.computeIfAbsent(from, ignored -> new TreeMap<>());
            for (Reference reference : Reference.from(origin)) {
                add(from, reference);
            }
        }
    }

    static List<Cycle> in(JavaClasses classes, ModuleRoots modules) {
        return new PackageCycles(classes, modules).cycles();
    }

    private void add(String from, Reference reference) {
        String to = unit(reference.targetPackage());
        if (!from.equals(to)) {
            edges.get(from).putIfAbsent(to, reference.description());
        }
    }

    /** The node a package belongs to: itself, or for {@code x.internal} and {@code x.internal.y} the package {@code x}. */
    static String unit(String packageName) {
        int internal = (packageName + ".").indexOf(".internal.");
        return internal < 0 ? packageName : packageName.substring(0, internal);
    }

    /** Tarjan's strongly connected components; the graph is a few dozen packages, so recursion is fine. */
    private List<Cycle> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> lowLink = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Cycle> cycles = new ArrayList<>();
        for (String start : edges.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, index, lowLink, stack, cycles);
            }
        }
        return cycles;
    }

    private void connect(
            String node,
            Map<String, Integer> index,
            Map<String, Integer> lowLink,
            Deque<String> stack,
            List<Cycle> cycles) {
        index.put(node, index.size());
        lowLink.put(node, index.get(node));
        stack.push(node);
        for (String next : edges.getOrDefault(node, new TreeMap<>()).keySet()) {
            if (!edges.containsKey(next)) {
                continue; // a package of no imported module class cannot lead back
            }
            if (!index.containsKey(next)) {
                connect(next, index, lowLink, stack, cycles);
                lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
            } else if (stack.contains(next)) {
                lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
            }
        }
        if (lowLink.get(node).equals(index.get(node))) {
            SortedSet<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                cycles.add(new Cycle(component, dependenciesWithin(component)));
            }
        }
    }

    private SortedMap<String, String> dependenciesWithin(SortedSet<String> component) {
        SortedMap<String, String> within = new TreeMap<>();
        for (String from : component) {
            edges.get(from).forEach((to, example) -> {
                if (component.contains(to)) {
                    within.put(from + " -> " + to, example);
                }
            });
        }
        return within;
    }
}
