package org.commonweal.platform.opportunities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of each TeamKinetic file holds each field the import reads. Guessed from the header (TeamKinetic's own
 * column names, in any case), shown to the coordinator as one choice per field, and confirmed or changed by them. A field
 * is posted as {@code <file>.<field>} with the column's header as its value ("" for not in the file).
 */
record ImportMapping(Map<String, String> columns) {
    /** A field the import reads: its file ("providers", "opportunities", "sessions"), its name, TeamKinetic's column, and whether it is needed. */
    record Field(String file, String name, String teamKinetic, boolean required) {
        String key() {
            return file + "." + name;
        }
    }

    static final List<Field> FIELDS = List.of(
            new Field("providers", "id", "PROVIDERID", true),
            new Field("providers", "name", "PROVIDERNAME", true),
            new Field("opportunities", "id", "PLACEMENTID", true),
            new Field("opportunities", "title", "NAME", true),
            new Field("opportunities", "description", "DESCRIPTION", true),
            new Field("opportunities", "venue", "LOCATION", false),
            new Field("opportunities", "authorised", "AUTHORISED", false),
            new Field("sessions", "opportunity", "PLACEMENTID", true),
            new Field("sessions", "provider", "PROVIDERNAME", false),
            new Field("sessions", "session", "SESSIONID", true),
            new Field("sessions", "date", "SESSIONDATE", true),
            new Field("sessions", "startTime", "SESSIONSTARTTIME", true),
            new Field("sessions", "hours", "SESSIONHOURS", true),
            new Field("sessions", "volunteer", "VOLID", false),
            new Field("sessions", "status", "STATUS", false),
            new Field("sessions", "attended", "ATTENDED", false),
            new Field("sessions", "hoursLogged", "HOURSLOGGED", false));

    ImportMapping {
        columns = Map.copyOf(columns);
    }

    /** The mapping guessed from the files' headers: each field to the column of TeamKinetic's name, when the file has it. */
    static ImportMapping guess(Map<String, CsvFile> files) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            CsvFile file = files.get(f.file());
            if (file == null) continue;
            file.header().stream().filter(h -> h.toUpperCase(Locale.ROOT).equals(f.teamKinetic())).findFirst().ifPresent(h -> columns.put(f.key(), h));
        }
        return new ImportMapping(columns);
    }

    /** The column of a file's header the field reads, or -1 when it is not mapped (or the header has no such column). */
    int column(CsvFile file, Field f) {
        String header = columns.get(f.key());
        return header == null ? -1 : file.header().indexOf(header);
    }

    /** The header name the field reads, for error messages; the field's own name when it is not mapped. */
    String header(Field f) {
        return columns.getOrDefault(f.key(), f.teamKinetic());
    }

    static Field field(String file, String name) {
        return FIELDS.stream().filter(f -> f.file().equals(file) && f.name().equals(name)).findFirst().orElseThrow();
    }
}
