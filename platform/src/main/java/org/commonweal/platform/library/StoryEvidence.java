package org.commonweal.platform.library;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Photo;
import org.commonweal.platform.core.http.PhotoUpload;
import org.commonweal.platform.core.http.Refusal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * A story's evidence besides its text: photos (checked by the core's {@link Photo#accept}, as budget delivery photos
 * are) and documents as links with titles. The author adds and removes them while the story is theirs to change; the
 * story's readers see them (photos are served with their true type and {@code nosniff}).
 */
public final class StoryEvidence {
    static final int MAX_PHOTOS = 12;
    static final int MAX_LINKS = 20;

    /** A photo as the page lists it (its bytes are fetched only when served). */
    public record PhotoInfo(long id, String altText) {
    }

    /** A document: its title and where it is. */
    public record Link(long id, String title, String url) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;

    StoryEvidence(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    List<PhotoInfo> photos(long storyId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, alt_text FROM library_story_photos WHERE story_id = :s ORDER BY id").bind("s", storyId)
                .map((rs, c) -> new PhotoInfo(rs.getLong("id"), rs.getString("alt_text"))).list());
    }

    Optional<Photo> photo(long storyId, long photoId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT content_type, alt_text, bytes FROM library_story_photos WHERE id = :id AND story_id = :s")
                .bind("id", photoId).bind("s", storyId)
                .map((rs, c) -> new Photo(rs.getString("content_type"), rs.getString("alt_text"), rs.getBytes("bytes"))).findOne());
    }

    List<Link> links(long storyId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, title, url FROM library_story_links WHERE story_id = :s ORDER BY id").bind("s", storyId)
                .map((rs, c) -> new Link(rs.getLong("id"), rs.getString("title"), rs.getString("url"))).list());
    }

    Optional<Refusal> addPhoto(long storyId, long accountId, Form form, PhotoUpload upload, Actor actor) {
        Optional<Photo> photo = Photo.accept(form, upload, "photo", "photoAlt");
        return change(storyId, accountId, h -> {
            if (count(h, "library_story_photos", storyId) >= MAX_PHOTOS) form.error("photo", "library.error.photo.tooMany", MAX_PHOTOS);
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            Photo p = photo.orElseThrow();
            h.createUpdate("INSERT INTO library_story_photos (story_id, content_type, alt_text, bytes) VALUES (:s, :t, :a, :b)")
                    .bind("s", storyId).bind("t", p.contentType()).bind("a", p.altText()).bind("b", p.bytes()).execute();
            audit.record(h, actor, "library.story.photo_added", "story:" + storyId, p.contentType());
            return Optional.empty();
        });
    }

    Optional<Refusal> addLink(long storyId, long accountId, Form form, Actor actor) {
        form.requireText("linkTitle", 200, "library.error.link.title.required", "library.error.link.title.tooLong");
        String url = form.value("linkUrl").strip();
        form.set("linkUrl", url);
        if (!isWebAddress(url)) form.error("linkUrl", "library.error.link.url");
        return change(storyId, accountId, h -> {
            if (count(h, "library_story_links", storyId) >= MAX_LINKS) form.error("linkUrl", "library.error.link.tooMany", MAX_LINKS);
            if (form.hasErrors()) return Optional.of(Refusal.INVALID);
            h.createUpdate("INSERT INTO library_story_links (story_id, title, url) VALUES (:s, :t, :u)").bind("s", storyId)
                    .bind("t", form.value("linkTitle").strip()).bind("u", url).execute();
            audit.record(h, actor, "library.story.link_added", "story:" + storyId, url);
            return Optional.empty();
        });
    }

    Optional<Refusal> removePhoto(long storyId, long photoId, long accountId, Actor actor) {
        return remove("library_story_photos", "photo", storyId, photoId, accountId, actor);
    }

    Optional<Refusal> removeLink(long storyId, long linkId, long accountId, Actor actor) {
        return remove("library_story_links", "link", storyId, linkId, accountId, actor);
    }

    private Optional<Refusal> remove(String table, String what, long storyId, long itemId, long accountId, Actor actor) {
        return change(storyId, accountId, h -> {
            int n = h.createUpdate("DELETE FROM " + table + " WHERE id = :id AND story_id = :s").bind("id", itemId).bind("s", storyId).execute();
            if (n == 0) return Optional.of(Refusal.NOT_FOUND);
            audit.record(h, actor, "library.story." + what + "_removed", "story:" + storyId, String.valueOf(itemId));
            return Optional.empty();
        });
    }

    private static int count(Handle h, String table, long storyId) {
        return h.createQuery("SELECT count(*) FROM " + table + " WHERE story_id = :s").bind("s", storyId).mapTo(Integer.class).one();
    }

    /** Only an http or https address with a host: never {@code javascript:} or a local file. */
    static boolean isWebAddress(String url) {
        if (url.isEmpty() || url.length() > 2000) return false;
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private interface Change {
        Optional<Refusal> apply(Handle h);
    }

    /** Runs the author's change under the story's lock, while the story is theirs to change. */
    private Optional<Refusal> change(long storyId, long accountId, Change change) {
        return jdbi.inTransaction(h -> {
            Optional<Refusal> refused = StoryService.authorMayChange(StoryService.find(h, storyId, true), accountId);
            return refused.isPresent() ? refused : change.apply(h);
        });
    }
}
