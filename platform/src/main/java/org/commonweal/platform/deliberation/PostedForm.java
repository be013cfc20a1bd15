package org.commonweal.platform.deliberation;

import io.javalin.http.Context;
import org.commonweal.platform.core.http.Form;

import java.util.Optional;

/** The named fields of a posted form (a missing field reads as empty). */
final class PostedForm {
    private PostedForm() {
    }

    static Form read(Context ctx, String... fields) {
        Form f = Form.empty();
        for (String field : fields) f.set(field, Optional.ofNullable(ctx.formParam(field)).orElse(""));
        return f;
    }
}
