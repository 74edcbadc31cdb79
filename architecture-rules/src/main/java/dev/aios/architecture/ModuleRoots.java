package dev.aios.architecture;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which module a package belongs to: the module whose root is the longest prefix of the package. A root ending in
 * {@code .*} stands for one module per direct subpackage ({@code dev.aios.agents.*}: each agent is its own module).
 */
public record ModuleRoots(List<String> roots) {
    private static final String EACH_SUBPACKAGE = ".*";

    /** The AIOS modules; a new module with main code adds its root here. */
    public static final ModuleRoots AIOS = new ModuleRoots(List.of(
            "dev.aios.events", // event-schemas
            "dev.aios.agent", // agent-base
            "dev.aios.agent.persona", // agent-persona
            "dev.aios.agents.*", // agents-cto, agents-frontend, agents-backend, agents-qa, agents-devops
            "dev.aios.router", // llm-router
            "dev.aios.router.client", // llm-router-client
            "dev.aios.router.policy", // llm-router-policy
            "dev.aios.router.evaluation", // llm-router-evaluation
            "dev.aios.knowledge", // knowledge-base
            "dev.aios.orchestrator", // orchestrator
            "dev.aios.standalone", // standalone
            "dev.aios.cli", // cli
            "dev.aios.architecture")); // architecture-rules

    public ModuleRoots {
        roots = List.copyOf(roots);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("at least one module root");
        }
    }

    public static ModuleRoots of(String... roots) {
        return new ModuleRoots(List.of(roots));
    }

    /** The root package of the module that holds {@code packageName}, or empty if no module does. */
    public Optional<String> moduleOf(String packageName) {
        requireNonNull(packageName, "package name");
        return roots.stream()
                .map(root -> rootFor(root, packageName))
                .flatMap(Optional::stream)
                .max(Comparator.comparingInt(String::length));
    }

    private static Optional<String> rootFor(String root, String packageName) {
        if (!root.endsWith(EACH_SUBPACKAGE)) {
            return within(packageName, root) ? Optional.of(root) : Optional.empty();
        }
        String parent = root.substring(0, root.length() - EACH_SUBPACKAGE.length());
        if (!packageName.startsWith(parent + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(parent.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(parent + "." + (dot < 0 ? rest : rest.substring(0, dot)));
    }

    private static boolean within(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }
}
