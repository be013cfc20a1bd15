package org.commonweal.platform.services;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.commonweal.platform.testing.TestApp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Open Referral UK OpenAPI description's response schemas, validated with a JSON Schema library (format assertions
 * on, so a uuid, email, uri or date-time must be one). Its $refs name the ORUK profile's schemas by URL; each is read
 * from the shared data's copy (schema/...), never fetched: an unmapped URL fails the test instead.
 */
final class OrukSchemas {
    static final Path DIR = TestApp.sharedData().resolve("civil-society/open-referral-uk");
    private static final String PREFIX = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b
            .schemas(OrukSchemas::local)
            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final JsonNode openapi = read(DIR.resolve("openapi30.json"));

    private static String local(String iri) {
        if (!iri.startsWith(PREFIX)) throw new AssertionError("the ORUK schemas name " + iri + ", which is not mapped to a local file");
        try {
            return Files.readString(DIR.resolve("schema").resolve(iri.substring(PREFIX.length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema of GET {@code path}'s 200 response, as the OpenAPI description gives it (with its components, for #/components refs). */
    Schema response(String path) {
        JsonNode s = openapi.path("paths").path(path).path("get").path("responses").path("200").path("content").path("application/json").path("schema");
        if (s.isMissingNode()) throw new AssertionError("the OpenAPI description has no GET " + path);
        ObjectNode schema = s.deepCopy();
        schema.set("components", openapi.get("components"));
        return registry.getSchema(schema.toString(), InputFormat.JSON);
    }

    /** A profile schema by its file under schema/ (compiled/organization.json, say), for what the OpenAPI description does not cover. */
    Schema profile(String file) {
        return registry.getSchema("{\"$ref\": \"" + PREFIX + file + "\"}", InputFormat.JSON);
    }

    static List<String> errors(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
