package org.commonweal.platform.budgets;

import io.javalin.http.Context;
import org.commonweal.platform.core.http.Form;

import java.util.Optional;

/** Reads the named fields of a posted form. */
final class FormReader {
    private FormReader() {
    }

    static Form read(Context ctx, String... fields) {
        Form f = Form.empty();
        for (String field : fields) f.set(field, Optional.ofNullable(ctx.formParam(field)).orElse(""));
        return f;
    }
}
