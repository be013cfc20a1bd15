package org.commonweal.platform.core.opendata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.commonweal.platform.core.http.Access;
import org.commonweal.platform.core.http.Routes;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The open-data page and its files: every registered dataset as CSV and as JSON (an array of objects). */
public final class OpenDataRoutes implements Routes {
    private static final JsonFactory JSON = new JsonFactory();
    private final Web web;
    private final OpenData catalogue;

    public OpenDataRoutes(Web web, OpenData catalogue) {
        this.web = web;
        this.catalogue = catalogue;
    }

    @Override
    public void routes(RoutesConfig r) {
        r.get("/open-data", ctx -> web.render(ctx, "opendata/index.jte", web.page(ctx, "opendata.title"), "datasets", catalogue.all()), Access.PUBLIC, Role.ANYONE);
        r.get("/open-data/{file}", this::file, Access.PUBLIC, Role.ANYONE);
    }

    private void file(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        if (dot < 0) throw new NotFoundResponse();
        OpenDataset dataset = catalogue.find(file.substring(0, dot)).orElseThrow(NotFoundResponse::new);
        switch (file.substring(dot + 1)) {
            case "csv" -> {
                ctx.contentType("text/csv; charset=utf-8");
                ctx.header("Content-Disposition", "inline; filename=\"" + dataset.name() + ".csv\"");
                writeCsv(dataset, ctx);
            }
            case "json" -> {
                ctx.contentType("application/json; charset=utf-8");
                writeJson(dataset, ctx);
            }
            default -> throw new NotFoundResponse();
        }
    }

    private static void writeCsv(OpenDataset dataset, Context ctx) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8))) {
            writeRow(out, List.copyOf(dataset.columns()));
            dataset.rows().each(row -> {
                try {
                    writeRow(out, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void writeRow(Writer out, List<?> row) throws IOException {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) out.write(',');
            out.write(CsvCell.of(row.get(i)));
        }
        out.write("\r\n");
    }

    private static void writeJson(OpenDataset dataset, Context ctx) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(ctx.outputStream())) {
            g.writeStartArray();
            dataset.rows().each(row -> {
                try {
                    g.writeStartObject();
                    for (int i = 0; i < dataset.columns().size(); i++) {
                        g.writeFieldName(dataset.columns().get(i));
                        Object v = i < row.size() ? row.get(i) : null;
                        switch (v) {
                            case null -> g.writeNull();
                            case Long l -> g.writeNumber(l);
                            case Integer n -> g.writeNumber(n);
                            case java.math.BigDecimal d -> g.writeNumber(d);
                            case Number n -> g.writeNumber(n.toString());
                            case Boolean b -> g.writeBoolean(b);
                            default -> g.writeString(v.toString());
                        }
                    }
                    g.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndArray();
        }
    }
}
