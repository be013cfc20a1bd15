package org.commonweal.platform.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ORUK feed as its tables, whichever form it came in: the CSV tables of the ORUK data package (one file per table,
 * named after it), or JSON (a service, a list of them, an ORUK page with "contents", or an organization with its
 * services), whose nested objects are flattened into the same tables with their parent's id filled in. Each row keeps
 * where it came from (a CSV row number as a spreadsheet shows it, or a JSON path) so an error can name it.
 */
final class FeedTables {
    /** One row: where it is (row number or JSON path) and its fields as text. */
    record Row(String at, Map<String, String> fields) {
        String get(String field) {
            String v = fields.get(field);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** A file that could not be read at all: which one, where, and why (a message key with arguments). */
    record Unreadable(String file, String messageKey, Object... args) {
    }

    /** The ORUK tables this reads, by the names their CSV files have; other files are listed as not read. */
    static final List<String> TABLES = List.of("organizations", "organization_identifiers", "services", "locations", "addresses",
            "accessibility", "service_at_locations", "schedules", "languages", "cost_options", "contacts", "phones", "taxonomies",
            "taxonomy_terms", "attributes");
    /** Singular and alternative names some feeds (the ORUK examples among them) give their files. */
    private static final Map<String, String> SYNONYMS = Map.of("address", "addresses", "schedule", "schedules",
            "service_at_location", "service_at_locations", "taxonomy", "taxonomies", "organization", "organizations",
            "service", "services", "location", "locations", "contact", "contacts", "attribute", "attributes");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();

    private final Map<String, List<Row>> tables = new LinkedHashMap<>();
    private final List<String> ignoredFiles = new ArrayList<>();

    List<Row> rows(String table) {
        return tables.getOrDefault(table, List.of());
    }

    List<String> ignoredFiles() {
        return List.copyOf(ignoredFiles);
    }

    int rowCount() {
        return tables.values().stream().mapToInt(List::size).sum();
    }

    /** The table a CSV file holds, by its name (services.csv, schedule.csv ...), or null when it is not one read here. */
    static String tableOf(String fileName) {
        String base = fileName.toLowerCase(Locale.ROOT).replaceAll("^.*[/\\\\]", "").replaceAll("\\.csv$", "");
        String table = SYNONYMS.getOrDefault(base, base);
        return TABLES.contains(table) ? table : null;
    }

    /** Adds a CSV file's rows to its table; a file of another table is noted as not read. */
    Unreadable addCsv(String fileName, String text) {
        String table = tableOf(fileName);
        if (table == null) {
            ignoredFiles.add(fileName);
            return null;
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        int row = 1;
        // Rows are counted as a spreadsheet shows them (the header is row 1); blank lines are not rows. Some feeds (the
        // ORUK examples) end lines with CR CR LF, which would otherwise read as a blank line after every row.
        String lines = text.replace("\r\r\n", "\n").replace("\r\n", "\n");
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(lines)) {
            while (it.hasNextValue()) {
                Map<String, String> fields = it.nextValue();
                if (fields.values().stream().allMatch(v -> v == null || v.isBlank())) continue;
                row++;
                // The ORUK examples carry some tables twice, under two names (schedule.csv and schedules.csv): a row whose
                // id another file of the same table already gave is that row again.
                String id = fields.get("id");
                if (id != null && seenElsewhere(table, id, fileName)) continue;
                add(table, new Row(fileName + " row " + row, fields));
                fileOf.put(table + "/" + id, fileName);
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? row + 1 : e.getLocation().getLineNr();
            return new Unreadable(fileName, "services.import.error.csv", line, e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            return new Unreadable(fileName, "services.import.error.csv", row + 1, e.getMessage());
        }
        return null;
    }

    /** Adds a JSON feed's services (and their organizations and everything nested in them) to the tables. */
    Unreadable addJson(String fileName, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
            return new Unreadable(fileName, "services.import.error.json", line, column, e.getOriginalMessage());
        }
        if (root == null || !(root.isObject() || root.isArray())) return new Unreadable(fileName, "services.import.error.jsonShape");
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) service(root.get(i), "[" + i + "]", null);
        } else if (root.get("contents") instanceof com.fasterxml.jackson.databind.node.ArrayNode contents) {
            for (int i = 0; i < contents.size(); i++) service(contents.get(i), "contents[" + i + "]", null);
        } else if (root.has("services") && !root.has("status")) {
            String org = organization(root, "");
            JsonNode services = root.get("services");
            for (int i = 0; services.isArray() && i < services.size(); i++) service(services.get(i), "services[" + i + "]", org);
        } else {
            service(root, "", null);
        }
        return null;
    }

    private void service(JsonNode s, String at, String organizationId) {
        Map<String, String> fields = scalars(s);
        if (s.get("organization") instanceof com.fasterxml.jackson.databind.node.ObjectNode org) {
            String id = organization(org, path(at, "organization"));
            fields.putIfAbsent("organization_id", id);
        } else if (organizationId != null) {
            fields.putIfAbsent("organization_id", organizationId);
        }
        String id = fields.get("id");
        add("services", new Row(label(at), fields));
        children(s, at, "schedules", "schedules", "service_id", id);
        children(s, at, "languages", "languages", "service_id", id);
        children(s, at, "cost_options", "cost_options", "service_id", id);
        each(s, at, "contacts", (contact, where) -> {
            Map<String, String> c = scalars(contact);
            c.putIfAbsent("service_id", id);
            add("contacts", new Row(where, c));
            children(contact, where, "phones", "phones", "contact_id", c.get("id"));
        });
        each(s, at, "service_at_locations", (sal, where) -> {
            Map<String, String> f = scalars(sal);
            f.putIfAbsent("service_id", id);
            if (sal.get("location") instanceof com.fasterxml.jackson.databind.node.ObjectNode location) {
                Map<String, String> l = scalars(location);
                f.putIfAbsent("location_id", l.get("id"));
                String locationAt = where + ".location";
                add("locations", new Row(locationAt, l));
                children(location, locationAt, "addresses", "addresses", "location_id", l.get("id"));
                children(location, locationAt, "accessibility", "accessibility", "location_id", l.get("id"));
            }
            add("service_at_locations", new Row(where, f));
        });
        each(s, at, "attributes", (attribute, where) -> {
            Map<String, String> a = scalars(attribute);
            a.putIfAbsent("link_id", id);
            if (attribute.get("taxonomy_term") instanceof com.fasterxml.jackson.databind.node.ObjectNode term) {
                Map<String, String> t = scalars(term);
                a.putIfAbsent("taxonomy_term_id", t.get("id"));
                add("taxonomy_terms", new Row(where + ".taxonomy_term", t));
            }
            add("attributes", new Row(where, a));
        });
    }

    private String organization(JsonNode org, String at) {
        Map<String, String> o = scalars(org);
        add("organizations", new Row(label(at), o));
        children(org, at, "organization_identifiers", "organization_identifiers", "organization_id", o.get("id"));
        return o.get("id");
    }

    private void children(JsonNode parent, String at, String field, String table, String parentField, String parentId) {
        each(parent, at, field, (child, where) -> {
            Map<String, String> f = scalars(child);
            if (parentId != null) f.putIfAbsent(parentField, parentId);
            add(table, new Row(where, f));
        });
    }

    private void each(JsonNode parent, String at, String field, java.util.function.BiConsumer<JsonNode, String> each) {
        JsonNode list = parent.get(field);
        if (list == null || !list.isArray()) return;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).isObject()) each.accept(list.get(i), path(at, field) + "[" + i + "]");
        }
    }

    private static String path(String at, String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    private static String label(String at) {
        return at.isEmpty() ? "(top)" : at;
    }

    /** An object's text, number and boolean fields as text; nested objects and arrays are the tables' business. */
    private static Map<String, String> scalars(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    private final Map<String, String> fileOf = new java.util.HashMap<>();

    private boolean seenElsewhere(String table, String id, String fileName) {
        String file = fileOf.get(table + "/" + id);
        return file != null && !file.equals(fileName);
    }

    private void add(String table, Row row) {
        tables.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
    }
}
