package org.commonweal.platform.core.subjects;

/**
 * What other features may know of a subject: its title, its page, its place (null when it has none), who
 * started it (null for the council or an import) and whether residents may still comment on it.
 */
public record SubjectInfo(Subject subject, String title, String url, Long placeId, Long authorId, boolean open) {
}
