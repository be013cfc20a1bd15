package org.commonweal.platform.deliberation;

import org.commonweal.platform.core.accounts.Bans;
import org.commonweal.platform.core.http.Refusal;
import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.RateLimiter;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.subjects.Subject;
import org.commonweal.platform.core.subjects.SubjectChange;
import org.commonweal.platform.core.subjects.SubjectInfo;
import org.commonweal.platform.core.subjects.Subjects;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Threaded comments on any subject: the thread a page shows, and posting, replying, editing and reporting. Every feature's
 * page shows a subject's comments with {@code @template.deliberation.thread(page = page, thread = deliberation.thread(subject, user))}.
 */
public final class Deliberation {
    /** Per account: enough for a lively discussion, too few for a flood. */
    static final RateLimiter.Limit POSTS = new RateLimiter.Limit("comment-posts", 10, java.time.Duration.ofMinutes(5));
    static final int MAX_BODY = 5000;
    static final List<String> REPORT_REASONS = List.of("abuse", "spam", "personal", "misinformation", "offtopic", "other");

    /** Why a change was refused; routes turn it into a status code and a message. */

    private final Jdbi jdbi;
    private final Subjects subjects;
    private final Bans bans;
    private final Follows follows;
    private final RateLimiter limiter;
    private final org.commonweal.platform.core.i18n.Messages messages;

    Deliberation(Jdbi jdbi, Subjects subjects, Bans bans, Follows follows, RateLimiter limiter,
                 org.commonweal.platform.core.i18n.Messages messages) {
        this.jdbi = jdbi;
        this.subjects = subjects;
        this.bans = bans;
        this.follows = follows;
        this.limiter = limiter;
        this.messages = messages;
    }

    /**
     * The subject's whole discussion for {@code viewer} (null when signed out): one indexed query for the comments with
     * their authors' names (the latest {@link CommentThread#MAX_SHOWN}), the tree built in memory. A subject its owner no
     * longer offers (a withdrawn problem, a draft shown to its author) keeps its past comments, closed to new ones.
     */
    public CommentThread thread(Subject subject, CurrentUser viewer) {
        Optional<SubjectInfo> found = subjects.find(subject);
        SubjectInfo info = found.orElse(new SubjectInfo(subject, "", "/", null, null, false));
        Long viewerId = viewer == null ? null : viewer.id();
        Set<Long> reported = new HashSet<>();
        List<Comment> all = jdbi.withHandle(h -> h.createQuery("SELECT " + Comment.COLUMNS + ", " + (viewerId == null ? "false"
                        : "EXISTS (SELECT 1 FROM comment_reports r WHERE r.comment_id = c.id AND r.reporter_id = :viewer)") + " AS mine\n"
                        + Comment.FROM + " WHERE c.subject_kind = :kind AND c.subject_id = :id ORDER BY c.id DESC LIMIT :limit")
                .bind("viewer", viewerId).bind("kind", subject.kind()).bind("id", subject.id()).bind("limit", CommentThread.MAX_SHOWN + 1)
                .map((rs, c) -> {
                    Comment comment = Comment.read(rs);
                    if (rs.getBoolean("mine")) reported.add(comment.id());
                    return comment;
                }).list());
        long total = all.size();
        if (all.size() > CommentThread.MAX_SHOWN) {
            all = all.subList(0, CommentThread.MAX_SHOWN);
            total = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM comments WHERE subject_kind = :kind AND subject_id = :id")
                    .bind("kind", subject.kind()).bind("id", subject.id()).mapTo(Long.class).one());
        }
        String bannedUntil = viewer == null ? null : bans.active(viewer.id()).map(this::banEnd).orElse(null);
        boolean moderator = viewer != null && (viewer.has(Role.MODERATOR) || viewer.has(Role.ADMIN));
        FollowButton follow = found.isPresent() ? follows.button(info, viewer) : new FollowButton(subject, false, false);
        return new CommentThread(info, arrange(all.reversed(), viewerId, reported), total, follow, viewer != null, info.open(),
                bannedUntil, moderator);
    }

    /** The follow button alone, for pages without a discussion (a budget process): {@code @template.deliberation.follow(page = page, follow = ...)}. */
    public FollowButton followButton(Subject subject, CurrentUser viewer) {
        return subjects.find(subject).map(info -> follows.button(info, viewer)).orElse(new FollowButton(subject, false, false));
    }

    /** Depth-first reading order; replies deeper than the maximum stay under their thread at the maximum indentation. */
    private static List<CommentThread.Entry> arrange(List<Comment> all, Long viewerId, Set<Long> reported) {
        Map<Long, Comment> byId = new HashMap<>();
        for (Comment c : all) byId.put(c.id(), c);
        Map<Long, List<Comment>> children = new HashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment c : all) {
            if (c.parentId() != null && byId.containsKey(c.parentId())) children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            else roots.add(c);
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<CommentThread.Entry> out = new ArrayList<>(all.size());
        record Visit(Comment comment, int depth) {
        }
        Deque<Visit> stack = new ArrayDeque<>();
        for (Comment r : roots.reversed()) stack.push(new Visit(r, 0));
        while (!stack.isEmpty()) {
            Visit v = stack.pop();
            Comment c = v.comment();
            String replyingTo = null;
            if (v.depth() > CommentThread.MAX_DEPTH) {
                Comment parent = byId.get(c.parentId());
                replyingTo = parent.authorName() == null ? "" : parent.authorName();
            }
            boolean own = viewerId != null && c.authorId() != null && c.authorId().equals(viewerId);
            out.add(new CommentThread.Entry(c, Math.min(v.depth(), CommentThread.MAX_DEPTH), replyingTo, c.editableBy(viewerId, now),
                    viewerId != null && !own && !c.hidden() && !reported.contains(c.id()), reported.contains(c.id())));
            for (Comment child : children.getOrDefault(c.id(), List.of()).reversed()) stack.push(new Visit(child, v.depth() + 1));
        }
        return Collections.unmodifiableList(out);
    }

    public Optional<Comment> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(Comment.SELECT + " WHERE c.id = :id").bind("id", id).map((rs, c) -> Comment.read(rs)).findOne());
    }

    /** The ban's end as residents read it, in UK time. */
    String banEnd(Bans.Ban ban) {
        return ban.endsAt() == null ? messages.get("deliberation.ban.untilLifted")
                : messages.get("deliberation.ban.until", messages.dateTime(ban.endsAt()));
    }

    /** The account's ban in force, as the text shown when refusing its post. */
    public Optional<String> banned(long accountId) {
        return bans.active(accountId).map(this::banEnd);
    }

    /**
     * Posts a comment (a reply when {@code parentId} is given) from the form's {@code body}; the author then follows the
     * subject, and the parent's author hears of the reply. Consumes the author's posting allowance (429 when spent).
     * @return the new comment's id, or the refusal (with the form's errors for INVALID)
     */
    public Result post(Subject subject, Long parentId, CurrentUser author, Form form) {
        Optional<SubjectInfo> info = subjects.find(subject);
        if (info.isEmpty()) return Result.refused(Refusal.NOT_FOUND);
        limiter.consume(POSTS, "account:" + author.id());
        if (bans.isBanned(author.id())) return Result.refused(Refusal.BANNED);
        if (!info.get().open()) return Result.refused(Refusal.CLOSED);
        String body = body(form);
        Optional<Comment> parent = parentId == null ? Optional.empty() : find(parentId).filter(p -> p.subject().equals(subject));
        if (parentId != null && parent.isEmpty()) return Result.refused(Refusal.NOT_FOUND);
        if (form.hasErrors()) return Result.refused(Refusal.INVALID);
        long id = jdbi.inTransaction(h -> {
            long created = h.createUpdate("""
                    INSERT INTO comments (subject_kind, subject_id, parent_id, author_id, body) VALUES (:kind, :id, :parent, :author, :body)""")
                    .bind("kind", subject.kind()).bind("id", subject.id()).bind("parent", parentId).bind("author", author.id()).bind("body", body)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Follows.byDefault(h, author.id(), subject);
            return created;
        });
        parent.map(Comment::authorId).filter(a -> a != author.id()).ifPresent(recipient -> subjects.announce(
                SubjectChange.toOne(subject, recipient, author.id(), "deliberation.notify.reply", author.name(), info.get().title())));
        return Result.done(id, info.get());
    }

    /** The author corrects their comment within {@link Comment#EDIT_WINDOW}; the thread then says it was edited. */
    public Result edit(long commentId, CurrentUser author, Form form) {
        Optional<Comment> c = find(commentId);
        if (c.isEmpty()) return Result.refused(Refusal.NOT_FOUND);
        if (c.get().authorId() == null || c.get().authorId() != author.id()) return Result.refused(Refusal.FORBIDDEN);
        if (bans.isBanned(author.id())) return Result.refused(Refusal.BANNED);
        if (!c.get().editableBy(author.id(), OffsetDateTime.now())) return Result.refused(Refusal.TOO_LATE);
        String body = body(form);
        if (form.hasErrors()) return Result.refused(Refusal.INVALID);
        int changed = jdbi.withHandle(h -> h.createUpdate("""
                UPDATE comments SET body = :body, edited_at = now()
                WHERE id = :id AND author_id = :author AND hidden_at IS NULL AND created_at > now() - make_interval(mins => :window)""")
                .bind("body", body).bind("id", commentId).bind("author", author.id()).bind("window", (int) Comment.EDIT_WINDOW.toMinutes()).execute());
        if (changed == 0) return Result.refused(Refusal.TOO_LATE);
        return Result.done(commentId, subjects.find(c.get().subject()).orElse(null));
    }

    /** A resident reports a comment for moderation once, with a reason from {@link #REPORT_REASONS} and an optional note. */
    public Result report(long commentId, long reporterId, Form form) {
        Optional<Comment> c = find(commentId);
        if (c.isEmpty()) return Result.refused(Refusal.NOT_FOUND);
        if (c.get().authorId() != null && c.get().authorId() == reporterId) return Result.refused(Refusal.FORBIDDEN);
        String reason = form.value("reason");
        if (!REPORT_REASONS.contains(reason)) form.error("reason", "deliberation.error.reason");
        String note = form.value("note").strip();
        form.set("note", note);
        if (note.length() > 1000) form.error("note", "deliberation.error.note.tooLong");
        else if (note.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r' && ch != '\t')) form.error("note", "error.controlCharacters");
        if (form.hasErrors()) return Result.refused(Refusal.INVALID);
        int added = jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO comment_reports (comment_id, reporter_id, reason, note) VALUES (:c, :r, :reason, :note)
                ON CONFLICT (comment_id, reporter_id) DO NOTHING""")
                .bind("c", commentId).bind("r", reporterId).bind("reason", reason).bind("note", note.isEmpty() ? null : note).execute());
        if (added == 0) return Result.refused(Refusal.ALREADY_DONE);
        return Result.done(commentId, subjects.find(c.get().subject()).orElse(null));
    }

    private static String body(Form form) {
        String body = form.requireText("body", MAX_BODY, "deliberation.error.body.required", "deliberation.error.body.tooLong");
        return body.replace("\r\n", "\n");
    }

    /** The outcome of a post, edit or report: the comment's id and its subject, or why it was refused. */
    public record Result(Long commentId, SubjectInfo subject, Refusal refusal) {
        static Result done(long id, SubjectInfo subject) {
            return new Result(id, subject, null);
        }

        static Result refused(Refusal refusal) {
            return new Result(null, null, refusal);
        }

        public boolean ok() {
            return refusal == null;
        }
    }
}
