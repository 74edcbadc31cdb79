package dev.aios.agents.qa.sandbox;

import java.util.List;

/** The project's own test command, as detected from its files, and the framework whose output we parse. */
record TestCommand(List<String> argv, Framework framework) {
    enum Framework {
        UNITTEST,
        PYTEST,
        MAVEN,
        NPM
    }

    TestCommand {
        argv = List.copyOf(argv);
    }

    String display() {
        return String.join(" ", argv);
    }
}
