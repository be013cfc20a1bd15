package org.commonweal.opinion.io;

/**
 * A statement of a conversation file.
 *
 * @param id         the file's statement id (Polis's tid, openData's comment-id)
 * @param authorId   the participant who wrote it (Polis's pid; −1 when the file does not say)
 * @param text       what it says
 * @param moderation 1 approved, 0 not yet moderated, −1 moderated out (Polis's convention)
 * @param meta       a meta statement (about the participant), which the math treats as moderated out
 */
public record Statement(long id, long authorId, String text, int moderation, boolean meta) {
    public boolean moderatedOut() {
        return moderation < 0 || meta;
    }
}
