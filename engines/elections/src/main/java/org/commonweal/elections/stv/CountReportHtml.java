package org.commonweal.elections.stv;

/** Renders a count as an HTML table: a row per candidate, a column per stage; all text is escaped. */
public final class CountReportHtml {
    private CountReportHtml() {
    }

    public static String render(CountReport r) {
        StringBuilder out = new StringBuilder(8192);
        String title = r.title().isEmpty() ? "Election" : r.title();
        out.append("<section class=\"stv-count\">\n<h2>").append(escape(title)).append("</h2>\n");
        out.append("<p>Rule: ").append(escape(r.rule())).append(". Seats: ").append(r.seats())
                .append(". Valid ballots: ").append(r.papers()).append(". Quota: ").append(escape(r.format(r.quota()))).append(".</p>\n");
        out.append("<p>Elected in order: ").append(escape(String.join(", ", r.electedNames()))).append(".</p>\n");
        out.append("<table>\n<thead>\n<tr><th scope=\"col\">Candidate</th>");
        for (Stage s : r.stages()) {
            out.append("<th scope=\"col\">Stage ").append(s.number()).append("<br>").append(escape(s.description())).append("</th>");
        }
        out.append("</tr>\n</thead>\n<tbody>\n");
        for (int c = 0; c < r.candidates().size(); c++) {
            out.append("<tr><th scope=\"row\">").append(escape(r.candidates().get(c))).append("</th>");
            for (Stage s : r.stages()) {
                String mark = s.elected().contains(c) ? " class=\"elected\"" : s.excluded().contains(c) ? " class=\"excluded\"" : "";
                out.append("<td").append(mark).append('>').append(escape(r.format(s.total(c))));
                if (!mark.isEmpty()) out.append(s.elected().contains(c) ? " (elected)" : " (excluded)");
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("<tr><th scope=\"row\">Non-transferable</th>");
        for (Stage s : r.stages()) out.append("<td>").append(escape(r.format(s.nonTransferable()))).append("</td>");
        out.append("</tr>\n<tr><th scope=\"row\">Lost to truncation</th>");
        for (Stage s : r.stages()) out.append("<td>").append(escape(r.format(s.loss()))).append("</td>");
        out.append("</tr>\n</tbody>\n</table>\n");
        if (!r.ties().isEmpty()) {
            out.append("<ul class=\"ties\">\n");
            for (TieBreak t : r.ties()) out.append("<li>").append(escape(CountReportText.describe(r, t))).append("</li>\n");
            out.append("</ul>\n");
        }
        return out.append("</section>\n").toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
