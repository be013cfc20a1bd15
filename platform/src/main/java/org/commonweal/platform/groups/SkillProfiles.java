package org.commonweal.platform.groups;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.skills.Skills;
import org.jdbi.v3.core.Jdbi;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** A resident's skills and interests (themes), and whether group admins with a matching vacancy may find them. */
final class SkillProfiles {
    static final String[] FIELDS = {"skills", "interests", "findable"};

    record Profile(List<String> skills, List<String> interests, boolean findable) {
        static final Profile NONE = new Profile(List.of(), List.of(), false);
    }

    private final Jdbi jdbi;
    private final AuditLog audit;

    SkillProfiles(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    Profile of(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT skills, interests, findable FROM resident_skills WHERE account_id = :a").bind("a", accountId)
                .map((rs, c) -> new Profile(Arrays.asList((String[]) rs.getArray("skills").getArray()),
                        Arrays.asList((String[]) rs.getArray("interests").getArray()), rs.getBoolean("findable"))).findOne().orElse(Profile.NONE));
    }

    static Form form(Profile p) {
        return Form.empty().set("skills", String.join(",", p.skills())).set("interests", String.join(",", p.interests()))
                .set("findable", p.findable() ? "yes" : "");
    }

    boolean save(long accountId, Form form, Actor actor) {
        List<String> skills = List.copyOf(new LinkedHashSet<>(GroupEditor.several(form.value("skills"))));
        if (!Skills.unknown(skills).isEmpty()) form.error("skills", "groups.error.skills");
        List<String> interests = List.copyOf(new LinkedHashSet<>(GroupEditor.several(form.value("interests"))));
        if (!GroupEditor.THEMES.containsAll(interests)) form.error("interests", "groups.error.themes");
        boolean findable = "yes".equals(form.value("findable"));
        if (findable && skills.isEmpty()) form.error("findable", "groups.error.findable.noSkills");
        if (form.hasErrors()) return false;
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO resident_skills (account_id, skills, interests, findable) VALUES (:a, :s, :i, :f)
                            ON CONFLICT (account_id) DO UPDATE SET skills = excluded.skills, interests = excluded.interests,
                                findable = excluded.findable, updated_at = now()""")
                    .bind("a", accountId).bind("s", skills.toArray(String[]::new)).bind("i", interests.toArray(String[]::new)).bind("f", findable).execute();
            audit.record(h, actor, "skills.saved", "account:" + accountId, skills.size() + " skills" + (findable ? ", findable" : ""));
        });
        return true;
    }
}
