package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.subjects.SubjectInfo;

import java.util.List;

/**
 * What {@code deliberation/thread.jte} shows for one subject: its comments in reading order with their indentation,
 * and what the viewer may do. {@code bannedUntil} is the viewer's ban end as text ("until lifted" included), or null.
 */
public record CommentThread(SubjectInfo subject, List<Entry> entries, long total, FollowButton follow, boolean signedIn, boolean open,
                            String bannedUntil, boolean moderator) {
    /** Replies deeper than this are shown at this depth, under their thread, naming whom they answer. */
    public static final int MAX_DEPTH = 3;
    /** A page shows at most this many comments, the latest; a reply whose parent is older then starts its own thread. */
    public static final int MAX_SHOWN = 1000;

    /**
     * A comment in the thread: {@code depth} is its indentation (0 to {@link #MAX_DEPTH}); {@code replyingTo} names the
     * parent's author when the reply was flattened; the flags say what the viewer may do with it.
     */
    public record Entry(Comment comment, int depth, String replyingTo, boolean editable, boolean reportable, boolean reported) {
    }

    /** Every comment on the subject, including those beyond {@link #MAX_SHOWN}. */
    public long count() {
        return total;
    }

    public boolean truncated() {
        return total > entries.size();
    }

    public boolean mayPost() {
        return signedIn && open && bannedUntil == null;
    }
}
