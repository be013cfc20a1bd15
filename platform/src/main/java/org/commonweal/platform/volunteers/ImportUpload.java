package org.commonweal.platform.volunteers;

import java.util.List;

/** An uploaded export waiting for its column mapping: its header and rows (public for the compiled templates). */
public record ImportUpload(long id, long groupId, String fileName, List<String> header, List<String[]> rows) {
    public int rowCount() {
        return rows.size();
    }

    /** What a column may become, in the form's order. */
    public List<String> targets() {
        return ImportMapping.TARGETS;
    }
}
