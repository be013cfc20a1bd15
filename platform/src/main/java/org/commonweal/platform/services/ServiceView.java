package org.commonweal.platform.services;

import org.commonweal.platform.core.i18n.Messages;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A service's page in words: its opening times by day, costs as money, languages and terms by name, each address on a line. */
public record ServiceView(List<String> hours, List<String> costs, List<String> languages, List<String> terms, List<String> addresses,
                   List<String> accessibility, List<String> contacts) {
    static ServiceView of(Service s, Directory directory, Messages m) {
        ServiceRecord r = s.record();
        List<String> hours = ScheduleWords.of(r.schedules(), directory.now().toLocalDate(), m);
        List<String> costs = new ArrayList<>();
        for (ServiceRecord.Cost c : r.costs()) {
            String amount = c.amount() == null || c.amount().signum() == 0 ? m.get("services.cost.free") : money(c.amount());
            String what = String.join(" ", List.of(c.option() == null ? "" : c.option(), c.amountDescription() == null ? "" : c.amountDescription())).strip();
            costs.add(what.isEmpty() ? amount : m.get("services.cost.line", amount, what));
        }
        List<String> languages = new ArrayList<>();
        for (ServiceRecord.Language l : r.languages()) {
            if (l.code() != null && ServiceForm.LANGUAGES.contains(l.code())) languages.add(m.get("services.language." + l.code()));
            else if (l.name() != null) languages.add(l.name());
        }
        var names = directory.terms();
        List<String> terms = r.termIds().stream().map(UUID::toString).map(names::get).filter(n -> n != null).toList();
        List<String> addresses = new ArrayList<>();
        List<String> accessibility = new ArrayList<>();
        for (ServiceRecord.Location l : r.locations()) {
            List<String> parts = new ArrayList<>();
            for (String p : new String[]{l.name(), l.address1(), l.address2(), l.city(), l.postalCode()}) if (p != null && !p.isBlank()) parts.add(p);
            if (!parts.isEmpty()) addresses.add(String.join(", ", parts));
            if (l.accessibility() != null) accessibility.add(l.accessibility());
        }
        List<String> contacts = new ArrayList<>();
        for (ServiceRecord.Contact c : r.contacts()) {
            List<String> parts = new ArrayList<>();
            for (String p : new String[]{c.name(), c.title(), c.phone()}) if (p != null && !p.isBlank()) parts.add(p);
            if (!parts.isEmpty()) contacts.add(String.join(", ", parts));
        }
        return new ServiceView(hours, costs, languages, terms, addresses, accessibility, contacts);
    }

    static String money(BigDecimal amount) {
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.UK);
        return f.format(amount);
    }

}
