package io.confab.llm.offline;

import io.confab.llm.offline.Tools.TaskView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the tasks the user named, among the tasks list_tasks returned: an equal title first, then
 * a title containing the words (or contained in them), then one having all the words. Ties go to
 * the tasks in the state the action expects (open ones when completing), then to equal titles.
 */
final class TaskMatcher {

    /** The ids found, or a message telling the user why none could be chosen. */
    sealed interface Match {
        record Found(List<Long> ids) implements Match {
        }

        record Problem(String message) implements Match {
        }
    }

    private static final Pattern NOISE = Pattern.compile("[^\\p{L}\\p{N} ]+");
    private static final Pattern ARTICLES = Pattern.compile("^(?:the|a|an|my) ");

    private TaskMatcher() {
    }

    /** {@code preferCompleted}: true to prefer done tasks, false to prefer open ones, null for no preference. */
    static Match match(List<TaskRef> refs, List<TaskView> tasks, Boolean preferCompleted) {
        List<Long> ids = new ArrayList<>();
        for (TaskRef ref : refs) {
            switch (ref) {
                case TaskRef.ById byId -> ids.add(byId.id());
                case TaskRef.ByTitle byTitle -> {
                    Match match = byTitle(byTitle.text(), tasks, preferCompleted);
                    if (match instanceof Match.Found found) {
                        ids.addAll(found.ids());
                    } else {
                        return match;
                    }
                }
            }
        }
        return new Match.Found(ids);
    }

    private static Match byTitle(String text, List<TaskView> tasks, Boolean preferCompleted) {
        List<TaskView> candidates = candidates(text, tasks, preferCompleted);
        if (candidates.size() == 1) {
            return new Match.Found(List.of(candidates.get(0).id()));
        }
        if (candidates.isEmpty()) {
            List<String> parts = Phrasing.split(text);
            if (parts.size() > 1) {
                return match(parts.stream().<TaskRef>map(TaskRef.ByTitle::new).toList(), tasks, preferCompleted);
            }
            return new Match.Problem(Replies.notFound(text));
        }
        return new Match.Problem(Replies.ambiguous(text, candidates));
    }

    private static List<TaskView> candidates(String text, List<TaskView> tasks, Boolean preferCompleted) {
        String query = normalized(text);
        if (query.isEmpty()) {
            return List.of();
        }
        List<String> words = Arrays.asList(query.split(" "));
        List<Predicate<String>> tiers = List.of(
                title -> title.equals(query),
                title -> title.contains(query) || (title.length() >= 3 && query.contains(title)),
                title -> Arrays.asList(title.split(" ")).containsAll(words));
        for (Predicate<String> tier : tiers) {
            List<TaskView> found = tasks.stream().filter(task -> tier.test(normalized(task.title()))).toList();
            if (!found.isEmpty()) {
                return narrowed(found, preferCompleted);
            }
        }
        return List.of();
    }

    /** Several matches: keep those in the preferred state; identical titles then go to the oldest task. */
    private static List<TaskView> narrowed(List<TaskView> found, Boolean preferCompleted) {
        List<TaskView> preferred = preferCompleted == null ? found
                : found.stream().filter(task -> task.completed() == preferCompleted).toList();
        List<TaskView> pool = preferred.isEmpty() ? found : preferred;
        boolean sameTitle = pool.stream().map(task -> normalized(task.title())).distinct().count() == 1;
        return sameTitle ? List.of(pool.stream().min(Comparator.comparingLong(TaskView::id)).orElseThrow()) : pool;
    }

    private static String normalized(String text) {
        String plain = NOISE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").replaceAll("\\s+", " ").strip();
        return ARTICLES.matcher(plain).replaceFirst("");
    }
}
