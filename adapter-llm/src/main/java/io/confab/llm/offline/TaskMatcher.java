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
 * several titles joined by "and" or commas, then a title containing the words (or contained in
 * them), then one having all the words, then one having all their stems ("calling mom" finds
 * "call mom on sunday", see {@link Stems}). Ties go to the tasks in the state the action expects (open
 * ones when completing); identical titles go to the oldest task.
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

    /** An equal title wins; then "a and b" naming two tasks; then looser matches of the whole text. */
    private static Match byTitle(String text, List<TaskView> tasks, Boolean preferCompleted) {
        String query = normalized(text);
        if (query.isEmpty()) {
            return new Match.Problem(Replies.notFound(text));
        }
        List<TaskView> equal = found(tasks, title -> title.equals(query), preferCompleted);
        if (!equal.isEmpty()) {
            return chosen(text, equal);
        }
        List<String> parts = Phrasing.split(text);
        if (parts.size() > 1
                && match(parts.stream().<TaskRef>map(TaskRef.ByTitle::new).toList(), tasks, preferCompleted)
                instanceof Match.Found found) {
            return found;
        }
        List<String> words = Arrays.asList(query.split(" "));
        List<String> stems = Stems.of(query);
        List<Predicate<String>> looser = List.of(
                title -> title.contains(query) || (title.length() >= 3 && query.contains(title)),
                title -> Arrays.asList(title.split(" ")).containsAll(words),
                title -> !stems.isEmpty() && Stems.of(title).containsAll(stems));
        for (Predicate<String> tier : looser) {
            List<TaskView> candidates = found(tasks, tier, preferCompleted);
            if (!candidates.isEmpty()) {
                return chosen(text, candidates);
            }
        }
        return new Match.Problem(Replies.notFound(text));
    }

    private static Match chosen(String text, List<TaskView> candidates) {
        return candidates.size() == 1
                ? new Match.Found(List.of(candidates.get(0).id()))
                : new Match.Problem(Replies.ambiguous(text, candidates));
    }

    private static List<TaskView> found(List<TaskView> tasks, Predicate<String> tier, Boolean preferCompleted) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<TaskView> found = tasks.stream().filter(task -> tier.test(normalized(task.title()))).toList();
        return found.isEmpty() ? found : narrowed(found, preferCompleted);
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
