package org.commonweal.platform.consultations;

import org.commonweal.platform.conversations.Conversations;
import org.commonweal.platform.core.http.CurrentUser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions of the kind "conversation", as the consultation's pages show them, asked of the conversations service
 * (never its tables): the voting card the consultation's page embeds, and what each conversation found, for the owner's
 * results and the published "you said, we did".
 */
final class ConversationQuestions {
    private final Conversations conversations;

    ConversationQuestions(Conversations conversations) {
        this.conversations = conversations;
    }

    /** Each conversation question's card for the user (null: a visitor), by question id. */
    Map<Long, Conversations.Embedded> embedded(List<Workstream> workstreams, CurrentUser user) {
        Map<Long, Conversations.Embedded> cards = new LinkedHashMap<>();
        for (Question q : conversationQuestions(workstreams)) conversations.embed(q.conversationId(), user).ifPresent(e -> cards.put(q.id(), e));
        return cards;
    }

    /** What each conversation question's conversation found, by question id. */
    Map<Long, Conversations.Findings> findings(List<Workstream> workstreams) {
        Map<Long, Conversations.Findings> found = new LinkedHashMap<>();
        for (Question q : conversationQuestions(workstreams)) conversations.findings(q.conversationId()).ifPresent(f -> found.put(q.id(), f));
        return found;
    }

    private static List<Question> conversationQuestions(List<Workstream> workstreams) {
        return workstreams.stream().flatMap(w -> w.questions().stream()).filter(q -> !q.answerable()).toList();
    }
}
