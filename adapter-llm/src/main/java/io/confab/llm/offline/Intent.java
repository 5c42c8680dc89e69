package io.confab.llm.offline;

import java.util.List;

/** What the user asked the offline assistant for. */
sealed interface Intent {

    /** Add one task per title. */
    record AddTasks(List<String> titles) implements Intent {
        public AddTasks {
            titles = List.copyOf(titles);
        }
    }

    /** List tasks; {@code status} is {@code all}, {@code pending} or {@code completed}. */
    record ListTasks(String status) implements Intent {
    }

    /** Mark tasks done ({@code completed}) or open again. */
    record SetCompleted(List<TaskRef> refs, boolean completed) implements Intent {
        public SetCompleted {
            refs = List.copyOf(refs);
        }
    }

    record DeleteTasks(List<TaskRef> refs) implements Intent {
        public DeleteTasks {
            refs = List.copyOf(refs);
        }
    }

    record Rename(TaskRef ref, String title) implements Intent {
    }

    /** "what can you do?" */
    record Help() implements Intent {
    }

    record Greeting() implements Intent {
    }

    record Thanks() implements Intent {
    }

    /** Anything the assistant does not understand. */
    record Unknown() implements Intent {
    }
}
