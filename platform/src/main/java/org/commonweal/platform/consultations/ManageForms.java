package org.commonweal.platform.consultations;

import org.commonweal.platform.core.http.Form;

import java.util.List;

/** The forms of the owner's page, one per action, so a refused one is shown again with its errors and the others as stored. */
public record ManageForms(Form details, Form workstream, Form question, Form status, Form outcome, String documentError) {
    static ManageForms empty(Consultation c, List<Workstream> streams) {
        Form details = Form.empty().set("title", c.title()).set("body", c.body()).set("place", c.placeId() == null ? "" : c.placeId().toString())
                .set("opens", c.opensOn().toString()).set("closes", c.closesOn().toString()).set("answersPublic", c.answersPublic() ? "yes" : "");
        Form outcome = Form.empty();
        for (Workstream w : streams) outcome.set("outcome-" + w.id(), w.outcome() == null ? "" : w.outcome());
        return new ManageForms(details, Form.empty(), Form.empty().set("kind", "single").set("moderation", "strict").set("participation", "signed_in"), Form.empty(), outcome, null);
    }
}
