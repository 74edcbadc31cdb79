package dev.aios.agents.cto;

import dev.aios.agent.task.TaskDefinition;
import java.util.List;

/** The CTO's plan as read from the model: architecture notes and the tasks that deliver them. */
record Backlog(String architecture, List<TaskDefinition> tasks) {
    Backlog {
        tasks = List.copyOf(tasks);
    }
}
