package dev.aios.orchestrator.planning;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A project's tasks by id, in the order they became known: an immutable map. Its {@link Editor} copies only what a
 * change needs, so evolving a state by one event copies an array of references rather than rebuilding a map, and a
 * fold over a whole stream copies nothing per event.
 */
final class TaskTable extends AbstractMap<String, TaskState> {
    static final TaskTable EMPTY = new TaskTable(Map.of(), new TaskState[0], 0);

    // never changed once the table is published: an editor copies both before it writes
    private final Map<String, Integer> positions;
    private final TaskState[] slots;
    private final int size;

    private TaskTable(Map<String, Integer> positions, TaskState[] slots, int size) {
        this.positions = positions;
        this.slots = slots;
        this.size = size;
    }

    @Override
    public @Nullable TaskState get(Object id) {
        Integer at = positions.get(id);
        return at == null ? null : slots[at];
    }

    @Override
    public boolean containsKey(Object id) {
        return positions.containsKey(id);
    }

    @Override
    public int size() {
        return size;
    }

    /** The tasks in order, without an entry per task: what the planner iterates. */
    @Override
    public Collection<TaskState> values() {
        return Collections.unmodifiableList(Arrays.asList(slots).subList(0, size));
    }

    @Override
    public Set<Entry<String, TaskState>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, TaskState>> iterator() {
                return new Iterator<>() {
                    int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, TaskState> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        TaskState t = slots[next++];
                        return new SimpleImmutableEntry<>(t.spec().getTaskId(), t);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Changes to a table, made on copies taken at the first write; {@link #table()} publishes them. */
    static final class Editor {
        private Map<String, Integer> positions;
        private TaskState[] slots;
        private int size;
        private boolean ownsPositions;
        private boolean ownsSlots;

        Editor(TaskTable from) {
            this.positions = from.positions;
            this.slots = from.slots;
            this.size = from.size;
        }

        @Nullable
        TaskState get(String id) {
            Integer at = positions.get(id);
            return at == null ? null : slots[at];
        }

        /** Replaces the task with the same id where it stands, or adds it last. */
        void put(TaskState task) {
            String id = task.spec().getTaskId();
            Integer at = positions.get(id);
            if (at == null) {
                if (!ownsPositions) {
                    positions = new HashMap<>(positions);
                    ownsPositions = true;
                }
                at = size++;
                positions.put(id, at);
            }
            if (at >= slots.length) {
                slots = Arrays.copyOf(slots, Math.max(at + 1, slots.length + slots.length / 2 + 1));
                ownsSlots = true;
            } else if (!ownsSlots) {
                slots = slots.clone();
                ownsSlots = true;
            }
            slots[at] = task;
        }

        TaskTable table() {
            // the editor hands its copies over and must not write to them again
            ownsPositions = false;
            ownsSlots = false;
            return new TaskTable(positions, slots, size);
        }
    }
}
