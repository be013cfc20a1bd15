package org.commonweal.platform.core.places;

/** A council, ward or neighbourhood; gssCode is the optional ONS/GSS code (e.g. E05011234). */
public record Place(long id, Long parentId, String kind, String name, String gssCode, int depth) {
    public static final java.util.List<String> KINDS = java.util.List.of("council", "ward", "neighbourhood");

    /** The kind a child of this place has: a council holds wards, a ward holds neighbourhoods. */
    public String childKind() {
        int i = KINDS.indexOf(kind);
        return i + 1 < KINDS.size() ? KINDS.get(i + 1) : null;
    }
}
