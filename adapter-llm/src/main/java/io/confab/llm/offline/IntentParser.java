package io.confab.llm.offline;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a task request in plain English. An ordered table of patterns, tried first to last, each
 * turning its match into an {@link Intent}; the order settles overlaps ("show my done tasks" is a
 * listing, not a completion).
 */
final class IntentParser {

    private record Rule(Pattern pattern, Function<MatchResult, Intent> intent) {
    }

    /** Plural on purpose: "get rid of task 8" or "check off the milk task" are not listings. */
    private static final String LIST_NOUN = "(?:tasks|todos|to-dos|list|reminders|items|things to do)";
    private static final String DONE = "(?:done|complete|completed|finished|checked|ticked|checked off|ticked off)";
    private static final String NOT_DONE = "(?:not done|undone|incomplete|not complete|not completed|unfinished|pending|open|to ?do)";
    /** Words that tell which tasks to list, for "open tasks", "anything pending" or "what's unfinished". */
    private static final String STATUS = "(?:open|pending|outstanding|remaining|left|unfinished|incomplete|undone|active|current"
            + "|due|to do|done|complete|completed|finished|closed|ticked off|checked off)";
    private static final String COUNT = "(?:two|three|four|five|six|seven|eight|nine|ten|(?:a )?few|(?:a )?couple(?: of)?|several|\\d+)";
    private static final String PLURAL_NOUN = "(?:tasks|todos|to-dos|items|reminders|entries|things)";
    /** Past forms that do not say a task was done ("I needed…", "I added…"). */
    private static final String NOT_DONE_PAST = "(?:need|needed|wanted|used|tried|forgot|planned|decided|started|added|created"
            + "|missed|skipped|postponed|deleted|removed|renamed)";
    private static final String ON_MY_LIST = "(?:\\s+(?:to|on|in|onto|from|off)\\s+(?:my|the)\\s+"
            + "(?:(?:shopping|grocery|work|home|daily|weekly|personal)\\s+)?(?:list|tasks|task list|todo list|to-do list|todos|to-dos|reminders))?";

    private static final List<Rule> RULES = List.of(
            rule("^(?:hi|hello|hey|howdy|yo|good (?:morning|afternoon|evening))(?: there)?(?: confab)?$",
                    m -> new Intent.Greeting()),
            rule("^(?:thanks|thank you|thx|cheers|great,? thanks)\\b.*$", m -> new Intent.Thanks()),
            rule("^(?:help|\\?|what can you do|what do you do|how does this work|how do i use (?:this|you)|commands)$",
                    m -> new Intent.Help()),
            // listing
            rule("^(?:show|list|display|view|see|get(?! rid)|give|tell|read|print|check(?! off)|pull up|which|"
                    + "what(?:'s| is| are|s)|do i have|have i got|how many|are there|any)\\b.*\\b" + LIST_NOUN + "\\b.*$", IntentParser::listing),
            rule("^what(?:'s| is|s)? (?:on|in) (?:my|the) (?:plate|agenda|schedule)(?: today| for today)?$", IntentParser::listing),
            rule("^(?:show|list|give|tell)(?: me)? (?:everything|all|anything)\\b.*$", IntentParser::listing),
            rule("^what (?:do|should|must|else do) i (?:still )?(?:have to |need to |got to )?do(?: today| next| now)?$",
                    IntentParser::listing),
            rule("^what(?:'s| is|s| are)? (?:still |now )?(?:" + STATUS + "|next|remains)"
                    + "(?: to (?:be )?done| to do| on my list| for today| today| so far)?$", IntentParser::listing),
            rule("^what(?: else)? (?:is there to do|(?:still )?needs? (?:doing|to be done)|(?:is |'s )?still to do)$",
                    m -> new Intent.ListTasks("pending")),
            rule("^(?:is there |are there |do i have |have i got |got )?any(?:thing|one)? (?:else )?(?:still )?" + STATUS + "\\b.*$",
                    IntentParser::listing),
            rule("^(?:(?:my|any|all|the|only|all my|all the)\\s+)?(?:" + STATUS + "\\s+)?"
                    + "(?:tasks|todos|to-dos|todo list|to-do list|task list|items|reminders)(?: so far| for today| today)?$",
                    IntentParser::listing),
            rule("^(?:show|tell|give|remind|see|know|check)(?: me)? what(?:'s| is| i| remains| needs)\\b.*$", IntentParser::listing),
            rule("^what (?:have|did) i (?:already )?(?:done|do|complete|completed|finish|finished|accomplish|accomplished"
                    + "|gotten done|got done|get done|ticked off|checked off|crossed off)"
                    + "(?: so far| today)?$", IntentParser::listing),
            rule("^i (?:want|need|would like|'d like) to (?:see|view|check|know|look at|review)\\b.*$", IntentParser::listing),
            rule("^(?:my )?list$", IntentParser::listing),
            // reopening comes before completing: "mark 3 as not done" ends like "done"
            rule("^(?:mark|set|flag|change|move|put) (.+?) (?:as |to |back to |back as )?" + NOT_DONE + "(?: again)?$",
                    m -> new Intent.SetCompleted(TaskRef.parse(m.group(1)), false)),
            rule("^(?:reopen|re-open|uncheck|untick|unmark|undo|restore) (.+?)(?: again)?$",
                    m -> new Intent.SetCompleted(TaskRef.parse(m.group(1)), false)),
            // completing
            rule("^(?:mark|set|flag|change|move|update) (.+?) (?:as |to )?" + DONE + "$",
                    m -> new Intent.SetCompleted(TaskRef.parse(m.group(1)), true)),
            rule("^(?:complete|finish|tick off|tick|check off|check|cross off|cross|close|finalize|wrap up) (.+?)(?: off)?"
                    + ON_MY_LIST + "$", m -> new Intent.SetCompleted(TaskRef.parse(m.group(1)), true)),
            rule("^(?:i(?:'ve| have)? (?:already )?(?:finished|completed|done)|i'm done with|i am done with|done with|done:?) (.+)$",
                    m -> new Intent.SetCompleted(TaskRef.parse(m.group(1)), true)),
            rule("^(.+?) (?:is|are) (?:now |all )?" + DONE + "$",
                    m -> new Intent.SetCompleted(TaskRef.parse(m.group(1)), true)),
            // deleting
            rule("^(?:delete|remove|drop|erase|discard|trash|scrap|get rid of|forget about|forget|cancel|kill|strike) (.+?)"
                    + ON_MY_LIST + "$", m -> new Intent.DeleteTasks(TaskRef.parse(m.group(1)))),
            rule("^i (?:no longer|don't|do not) need (?:to )?(.+?)(?: anymore| any more)?$",
                    m -> new Intent.DeleteTasks(TaskRef.parse(m.group(1)))),
            // renaming
            rule("^(?:rename|retitle|relabel) (.+?) (?:to|as|into) (.+)$",
                    m -> new Intent.Rename(TaskRef.parseOne(m.group(1)), Phrasing.unquote(m.group(2)))),
            rule("^(?:change|update|edit|modify|set|correct) (?:the (?:title|name|text) of )?(.+?) to (?:say |read )?(.+)$",
                    m -> new Intent.Rename(TaskRef.parseOne(m.group(1)), Phrasing.unquote(m.group(2)))),
            // adding
            rule("^(?:add|create|make|new|put|insert|write down|jot down|note down|note|save|log)"
                    + "(?:\\s+(?:a|an|another|one more|new|the|some|these|those|following|more|other))*"
                    + "(?:\\s+" + COUNT + "(?=\\s+(?:more\\s+|new\\s+)?" + PLURAL_NOUN + "\\b|:))?(?:\\s+(?:more|new))?"
                    + "(?:\\s+(" + PLURAL_NOUN + "|task|todo|to-do|item|reminder|entry))?"
                    + ON_MY_LIST + "(?:\\s+(?:to|for|that says|saying|called|named|titled|about))?:?\\s+(.+?)" + ON_MY_LIST + "$",
                    IntentParser::adding),
            rule("^(?:remind me to|remind me about|i need to|i have to|i must|i should|i've got to|i gotta|"
                    + "don't let me forget to|dont let me forget to|don't forget to|remember to|todo|to-do|to do):?\\s+(.+?)"
                    + "(?: later| tomorrow)?$",
                    m -> new Intent.AddTasks(List.of(Phrasing.unquote(m.group(1))))),
            // "I called mom", "I just paid the rent": a report of something done (last, after "I need to")
            rule("^i(?:'ve| have)? (?:just |already |finally )?(?!" + NOT_DONE_PAST + "\\b)"
                    + "([a-z]+ed|" + String.join("|", Stems.IRREGULAR_PAST.keySet()) + ") (?!to\\b)(.+)$",
                    m -> new Intent.SetCompleted(List.of(new TaskRef.ByTitle(m.group(1) + " " + m.group(2))), true)));

    private static final Pattern NEGATED_DONE = Pattern.compile(
            "\\b(?:not done|not completed|not finished|unfinished|incomplete|undone|haven't|have not|still)\\b");
    private static final Pattern COMPLETED_WORDS = Pattern.compile(
            "\\b(?:done|complete|completed|finished|closed|ticked|checked|accomplished)\\b");
    private static final Pattern PENDING_WORDS = Pattern.compile(
            "\\b(?:pending|open|outstanding|remaining|remains|left|incomplete|unfinished|undone|to do|active|current|next|due)\\b");
    private static final Pattern LIST_NAMES = Pattern.compile("\\b(?:to-do list|todo list|to do list|to-dos|todos|to-do)\\b");

    Intent parse(String text) {
        String request = Phrasing.normalize(text);
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(request);
            if (matcher.matches()) {
                return rule.intent().apply(matcher.toMatchResult());
            }
        }
        return new Intent.Unknown();
    }

    private static Intent listing(MatchResult match) {
        String text = LIST_NAMES.matcher(match.group().toLowerCase(Locale.ROOT)).replaceAll(" ");
        if (NEGATED_DONE.matcher(text).find() || PENDING_WORDS.matcher(text).find()) {
            return new Intent.ListTasks("pending");
        }
        return new Intent.ListTasks(COMPLETED_WORDS.matcher(text).find() ? "completed" : "all");
    }

    /** A plural noun ("add tasks: …") or none ("add milk and eggs") means a list; "a task to …" means one. */
    private static Intent adding(MatchResult match) {
        String noun = match.group(1);
        String titles = match.group(2);
        boolean several = noun == null || noun.toLowerCase(Locale.ROOT).matches(PLURAL_NOUN);
        List<String> parsed = several ? Phrasing.split(titles) : List.of(Phrasing.unquote(titles));
        return parsed.isEmpty() || parsed.contains("") ? new Intent.Unknown() : new Intent.AddTasks(parsed);
    }

    private static Rule rule(String regex, Function<MatchResult, Intent> intent) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), intent);
    }
}
