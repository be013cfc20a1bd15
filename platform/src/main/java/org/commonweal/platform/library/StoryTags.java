package org.commonweal.platform.library;

import org.commonweal.platform.core.http.Form;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A story's free tags besides its theme: the writer types them separated by commas; each is trimmed and lower-cased,
 * letters (any script), digits, spaces and hyphens only, at most {@value #MAX_LENGTH} characters, at most
 * {@value #MAX_TAGS} a story. They filter the library and go into the site-wide search with the story.
 */
final class StoryTags {
    static final int MAX_TAGS = 10;
    static final int MAX_LENGTH = 30;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd} -]*");

    private StoryTags() {
    }

    /** The form's {@code tags} field as tags, in the order given without repeats; an error on the field names the first bad tag. */
    static List<String> read(Form form) {
        Set<String> tags = new LinkedHashSet<>();
        for (String part : form.value("tags").split(",")) {
            String tag = normalise(part);
            if (tag.isEmpty()) continue;
            if (tag.length() > MAX_LENGTH) {
                form.error("tags", "library.error.tags.tooLong", tag.substring(0, 20) + "…");
                return List.of();
            }
            if (!ALLOWED.matcher(tag).matches()) {
                form.error("tags", "library.error.tags.characters", tag);
                return List.of();
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) form.error("tags", "library.error.tags.tooMany");
        return new ArrayList<>(tags);
    }

    /** Trimmed, inner spaces collapsed, lower case: how a tag is kept and how a filter is matched. */
    static String normalise(String tag) {
        return tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static void save(Handle h, long storyId, List<String> tags) {
        h.createUpdate("DELETE FROM library_story_tags WHERE story_id = :s").bind("s", storyId).execute();
        var batch = h.prepareBatch("INSERT INTO library_story_tags (story_id, tag) VALUES (:s, :t)");
        for (String t : tags) batch.bind("s", storyId).bind("t", t).add();
        if (!tags.isEmpty()) batch.execute();
    }

    static List<String> of(Handle h, long storyId) {
        return h.createQuery("SELECT tag FROM library_story_tags WHERE story_id = :s ORDER BY tag").bind("s", storyId).mapTo(String.class).list();
    }
}
