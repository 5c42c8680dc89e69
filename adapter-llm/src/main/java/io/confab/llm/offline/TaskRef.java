package io.confab.llm.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How the user named a task: by its number, or by (part of) its title. */
sealed interface TaskRef {

    record ById(long id) implements TaskRef {
    }

    record ByTitle(String text) implements TaskRef {
    }

    Pattern PREFIX = Pattern.compile(
            "^(?:(?:the|my|a)\\s+)?(?:(?:task|tasks|todo|item|items|number|no\\.?|one)\\s+)?(?:(?:number|no\\.?)\\s+)?"
                    + "(?:(?:called|named|titled|about)\\s+)?",
            Pattern.CASE_INSENSITIVE);
    Pattern SUFFIX = Pattern.compile("\\s+(?:task|todo|item|one)$", Pattern.CASE_INSENSITIVE);
    Pattern NUMBERS = Pattern.compile("^#?\\d+(?:\\s*(?:,|and|&|\\+)\\s*(?:(?:task|number)\\s+)?#?\\d+)*$",
            Pattern.CASE_INSENSITIVE);
    Pattern NUMBER = Pattern.compile("\\d+");

    /** "task 3", "#3", "tasks 2 and 4", "the milk task", "buy milk". */
    static List<TaskRef> parse(String text) {
        String subject = Phrasing.unquote(SUFFIX.matcher(PREFIX.matcher(text.strip()).replaceFirst("")).replaceFirst(""));
        if (NUMBERS.matcher(subject).matches()) {
            List<TaskRef> refs = new ArrayList<>();
            NUMBER.matcher(subject).results().forEach(m -> refs.add(new ById(Long.parseLong(m.group()))));
            return refs;
        }
        return List.of(new ByTitle(subject));
    }

    /** Exactly one task: the first that {@link #parse} finds. */
    static TaskRef parseOne(String text) {
        return parse(text).get(0);
    }
}
