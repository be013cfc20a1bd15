package org.commonweal.pb.pabulib;

import org.commonweal.pb.Ballot;
import org.commonweal.pb.Columns;
import org.commonweal.pb.Instance;
import org.commonweal.pb.Project;
import org.commonweal.pb.VoteType;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a pabulib {@code .pb} file (pabulib.org format: META, PROJECTS and VOTES sections of ';'-separated
 * values) into an {@link Instance}. Every column is kept; costs become exact scaled integers; project ids
 * are interned to indices. Any deviation from the format is a {@link PabulibFormatException} naming file and line.
 * Approval and choose-1 ballots are sets, so a project listed twice in one such vote counts once
 * (as in pabutools); the kept {@code vote} column then holds the vote without the repeat.
 */
public final class PabulibReader {
    /** Beyond this many distinct values a voter column (e.g. a free-text one) is no longer deduplicated. */
    private static final int MAX_SHARED_VALUES = 1024;
    private static final int MAX_COST_SCALE = 9;

    private PabulibReader() {
    }

    public static Instance read(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return parse(decodeUtf8(Files.readAllBytes(file), name), name);
    }

    public static Instance read(Reader reader, String fileName) throws IOException {
        StringBuilder text = new StringBuilder(1 << 16);
        char[] buffer = new char[1 << 16];
        for (int n; (n = reader.read(buffer)) >= 0; ) text.append(buffer, 0, n);
        return parse(text.toString(), fileName);
    }

    public static Instance parse(String text, String fileName) {
        return new Parse(new PabulibCsv(text, fileName), fileName, false).run();
    }

    /**
     * Reads the file and checks every ballot against the rules its META sets (see {@link BallotRules}), that no
     * voter id repeats and that no ballot lists a project twice. Such ballots are kept in the instance (a project
     * listed twice counts once) and reported, each with its line; a file that breaks the format still fails.
     */
    public static ValidatedInstance readValidated(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return parseValidated(decodeUtf8(Files.readAllBytes(file), name), name);
    }

    public static ValidatedInstance parseValidated(String text, String fileName) {
        Parse parse = new Parse(new PabulibCsv(text, fileName), fileName, true);
        Instance instance = parse.run();
        return new ValidatedInstance(instance, parse.violations);
    }

    /**
     * The JDK's fast decoder replaces bad bytes with U+FFFD; only when that character appears is the file
     * decoded again strictly, to tell a genuine U+FFFD from bad bytes and to find the line of the first bad byte.
     */
    private static String decodeUtf8(byte[] bytes, String fileName) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) return text;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
            throw new PabulibFormatException(fileName, line, "not valid UTF-8 text (byte " + in.position() + ")");
        }
        return text;
    }

    /** The state of one read; sections must come in the order META, PROJECTS, VOTES. */
    private static final class Parse {
        private final PabulibCsv csv;
        private final String file;
        private final Map<String, String> meta = new LinkedHashMap<>();
        private final List<String[]> projectRows = new ArrayList<>();
        private final List<Integer> projectLines = new ArrayList<>();
        private final ArrayList<Ballot> ballots = new ArrayList<>();
        private String[] projectHeader;
        private String[] voteHeader;
        private String section;
        private List<Project> projects;
        private final RangeTable projectIndex = new RangeTable();
        private VoteType voteType;
        private int costScale;
        private int pointScale; // the finest number of decimals among the points read so far
        private long budget;
        private int voterIdColumn, voteColumn, pointsColumn;
        private RangeTable[] sharedValues;
        /** The current VOTES row: field i is fieldText[i] from fieldFrom[i] to fieldTo[i], already trimmed. */
        private String[] fieldText;
        private int[] fieldFrom, fieldTo;
        private boolean irregularVote;
        /** Null unless validating: then the META's ballot rules, what breaks them, and each voter id's first line. */
        private BallotRules rules;
        private final List<BallotViolation> violations = new ArrayList<>();
        private final Map<String, Integer> voterLines;

        Parse(PabulibCsv csv, String file, boolean validate) {
            this.csv = csv;
            this.file = file;
            this.voterLines = validate ? new java.util.HashMap<>() : null;
        }

        Instance run() {
            while (true) {
                if ("VOTES".equals(section)) {
                    int fields = csv.nextPlain(fieldFrom, fieldTo);
                    if (fields == PabulibCsv.END) break;
                    if (fields == 0) continue;
                    if (fields != PabulibCsv.QUOTED && !isSectionMarker(fields)) {
                        Arrays.fill(fieldText, csv.text());
                        voteRow(fields);
                        continue;
                    }
                }
                String[] record = csv.next();
                if (record == null) break;
                if (record.length == 0) continue;
                String marker = sectionMarker(record);
                if (marker != null) {
                    startSection(marker);
                    continue;
                }
                if (section == null) fail("data before the META section: '" + String.join(";", record) + "'");
                switch (section) {
                    case "META" -> metaRow(record);
                    case "PROJECTS" -> {
                        checkWidth(record, projectHeader, "PROJECTS");
                        projectRows.add(record);
                        projectLines.add(csv.line());
                    }
                    default -> {
                        for (int i = 0; i < Math.min(record.length, fieldText.length); i++) {
                            fieldText[i] = record[i];
                            fieldFrom[i] = 0;
                            fieldTo[i] = record[i].length();
                        }
                        voteRow(record.length);
                    }
                }
            }
            if (section == null) throw new PabulibFormatException(file, 0, "no META section (is this a pabulib .pb file?)");
            if (projects == null) finishProjects();
            if (voteHeader == null) throw new PabulibFormatException(file, 0, "no VOTES section");
            return new Instance(meta, projects, ballots, List.of(projectHeader), List.of(voteHeader), costScale, budget, pointScale);
        }

        /** Whether the plain line just split is a section heading (which the general path then reports). */
        private boolean isSectionMarker(int fields) {
            String text = csv.text();
            for (int i = 1; i < Math.min(fields, fieldFrom.length); i++) if (fieldTo[i] > fieldFrom[i]) return false;
            int length = fieldTo[0] - fieldFrom[0];
            for (String marker : List.of("META", "PROJECTS", "VOTES")) {
                if (length == marker.length() && text.regionMatches(true, fieldFrom[0], marker, 0, length)) {
                    csv.reread();
                    return true;
                }
            }
            return false;
        }

        private static String sectionMarker(String[] record) {
            String first = record[0].toUpperCase(java.util.Locale.ROOT);
            if (!first.equals("META") && !first.equals("PROJECTS") && !first.equals("VOTES")) return null;
            for (int i = 1; i < record.length; i++) if (!record[i].isEmpty()) return null;
            return first;
        }

        private void startSection(String marker) {
            String expected = section == null ? "META" : section.equals("META") ? "PROJECTS" : section.equals("PROJECTS") ? "VOTES" : null;
            if (!marker.equals(expected)) {
                fail(expected == null ? "section " + marker + " after VOTES (each section appears once)"
                        : "section " + marker + " where " + expected + " was expected (order is META, PROJECTS, VOTES)");
            }
            if (marker.equals("VOTES")) finishProjects();
            section = marker;
            String[] header = csv.next();
            while (header != null && header.length == 0) header = csv.next();
            if (header == null) fail("section " + marker + " has no header line");
            checkHeader(header);
            switch (marker) {
                case "META" -> {
                    if (header.length != 2) fail("META header must be 'key;value', found '" + String.join(";", header) + "'");
                }
                case "PROJECTS" -> {
                    projectHeader = header;
                    requireColumn(header, "project_id", "PROJECTS");
                    requireColumn(header, "cost", "PROJECTS");
                }
                default -> startVotes(header);
            }
        }

        private void checkHeader(String[] header) {
            for (int i = 0; i < header.length; i++) {
                if (header[i].isEmpty()) fail("empty column name in header (column " + (i + 1) + ")");
                for (int j = 0; j < i; j++) {
                    if (header[i].equals(header[j])) fail("column '" + header[i] + "' appears twice in the header");
                }
            }
        }

        private int requireColumn(String[] header, String name, String sectionName) {
            int i = Arrays.asList(header).indexOf(name);
            if (i < 0) fail(sectionName + " header has no '" + name + "' column: '" + String.join(";", header) + "'");
            return i;
        }

        private void checkWidth(String[] record, String[] header, String sectionName) {
            if (record.length != header.length) {
                fail(sectionName + " line has " + record.length + " fields but the header has " + header.length
                        + " (quote a value that contains ';')");
            }
        }

        private void metaRow(String[] record) {
            if (record.length != 2) fail("META line must be 'key;value' but has " + record.length + " fields (quote a value that contains ';')");
            if (record[0].isEmpty()) fail("META line with an empty key");
            if (meta.put(record[0], record[1]) != null) fail("META key '" + record[0] + "' appears twice");
        }

        private void finishProjects() {
            if (projects != null) return;
            if (projectHeader == null) throw new PabulibFormatException(file, csv.line(), "no PROJECTS section");
            String budgetText = meta.get("budget");
            if (budgetText == null || budgetText.isEmpty()) throw new PabulibFormatException(file, 0, "META has no 'budget'");
            try {
                voteType = VoteType.fromPabulib(meta.getOrDefault("vote_type", "approval"));
            } catch (IllegalArgumentException e) {
                throw new PabulibFormatException(file, 0, "META " + e.getMessage());
            }
            int idColumn = requireColumn(projectHeader, "project_id", "PROJECTS");
            int costColumn = requireColumn(projectHeader, "cost", "PROJECTS");
            BigDecimal budgetAmount = amount(budgetText, "META budget", 0);
            BigDecimal[] costs = new BigDecimal[projectRows.size()];
            int scale = Math.max(0, budgetAmount.stripTrailingZeros().scale());
            for (int i = 0; i < costs.length; i++) {
                String[] row = projectRows.get(i);
                costs[i] = amount(row[costColumn], "cost of project '" + row[idColumn] + "'", projectLines.get(i));
                scale = Math.max(scale, costs[i].stripTrailingZeros().scale());
            }
            if (scale > MAX_COST_SCALE) throw new PabulibFormatException(file, 0, "amounts have more than " + MAX_COST_SCALE + " decimal places");
            costScale = scale;
            budget = scaled(budgetAmount, "META budget", 0);
            projects = new ArrayList<>(costs.length);
            for (int i = 0; i < costs.length; i++) {
                String[] row = projectRows.get(i);
                String id = row[idColumn];
                int line = projectLines.get(i);
                if (id.isEmpty()) throw new PabulibFormatException(file, line, "empty project_id");
                if (projectIndex.find(id, 0, id.length()) >= 0) throw new PabulibFormatException(file, line, "project_id '" + id + "' appears twice");
                projectIndex.add(id);
                projects.add(new Project(id, scaled(costs[i], "cost of project '" + id + "'", line), Columns.of(projectHeader, row)));
            }
            projectRows.clear();
        }

        private BigDecimal amount(String text, String what, int line) {
            BigDecimal value;
            try {
                value = PabulibCsv.parseAmount(text);
            } catch (NumberFormatException e) {
                throw new PabulibFormatException(file, line, what + " '" + text + "' is not a number");
            }
            if (value.signum() < 0) throw new PabulibFormatException(file, line, what + " '" + text + "' is negative");
            return value;
        }

        private long scaled(BigDecimal amount, String what, int line) {
            try {
                return amount.movePointRight(costScale).longValueExact();
            } catch (ArithmeticException e) {
                throw new PabulibFormatException(file, line, what + " '" + amount.toPlainString() + "' is too large");
            }
        }

        private void startVotes(String[] header) {
            voteHeader = header;
            voterIdColumn = requireColumn(header, "voter_id", "VOTES");
            voteColumn = requireColumn(header, "vote", "VOTES");
            pointsColumn = Arrays.asList(header).indexOf("points");
            if (voteType.hasPoints() && pointsColumn < 0) {
                fail("VOTES header has no 'points' column, which " + voteType.pabulibName() + " ballots need");
            }
            sharedValues = new RangeTable[header.length];
            for (int i = 0; i < header.length; i++) {
                if (i != voterIdColumn && i != voteColumn && i != pointsColumn) sharedValues[i] = new RangeTable();
            }
            if (voterLines != null) rules = BallotRules.of(meta, file);
            String expected = meta.getOrDefault("num_votes", "");
            if (expected.matches("\\d{1,7}")) ballots.ensureCapacity(Integer.parseInt(expected));
            fieldText = new String[header.length];
            fieldFrom = new int[header.length];
            fieldTo = new int[header.length];
        }

        private String field(int i) {
            return fieldText[i].substring(fieldFrom[i], fieldTo[i]);
        }

        private void voteRow(int fields) {
            if (fields != voteHeader.length && !emptyVoteCutShort(fields)) {
                fail("VOTES line has " + fields + " fields but the header has " + voteHeader.length + " (quote a value that contains ';')");
            }
            String voter = field(voterIdColumn);
            int[] chosen = projectList(voter);
            long[] points = null;
            if (voteType.hasPoints()) {
                points = pointList(voter);
                if (points.length != chosen.length) {
                    fail("voter '" + voter + "' lists " + chosen.length + " projects in 'vote' but " + points.length + " values in 'points'");
                }
            }
            int[] distinct = withoutRepeats(chosen);
            if (distinct != chosen && voterLines != null) {
                violate(ballots.size(), voter, "lists project '" + projects.get(firstRepeat(chosen)).id() + "' twice");
            }
            if (voteType == VoteType.APPROVAL || voteType == VoteType.CHOOSE_1) {
                if (distinct != chosen) {
                    chosen = distinct;
                    irregularVote = true;
                }
            } else if (voterLines != null && distinct != chosen) {
                // Validating: the repeat is reported and the first listing kept, so the rest of the file is still read.
                points = firstListings(chosen, points);
                chosen = distinct;
                irregularVote = true;
            } else {
                rejectRepeats(voter, chosen);
            }
            String[] values = new String[voteHeader.length];
            for (int i = 0; i < voteHeader.length; i++) {
                if (i == voterIdColumn) values[i] = voter;
                else if (i == voteColumn) values[i] = irregularVote ? PabulibCsv.joinIds(projects, chosen) : field(i);
                else if (i == pointsColumn && points != null) values[i] = PabulibCsv.joinPoints(points, pointScale);
                else values[i] = shared(i);
            }
            Ballot ballot = new Ballot(voter, chosen, points, Columns.of(voteHeader, values));
            ballots.add(ballot);
            if (voterLines != null) validate(ballot);
        }

        /**
         * A ballot that chose nothing may be written with its trailing fields left off ("12;" for voter 12 under
         * voter_id;vote;points), as Python's csv reader allows: the missing fields read as empty.
         */
        private boolean emptyVoteCutShort(int fields) {
            if (fields >= voteHeader.length || voteColumn >= fields || fieldTo[voteColumn] > fieldFrom[voteColumn]) return false;
            for (int i = fields; i < voteHeader.length; i++) {
                fieldText[i] = "";
                fieldFrom[i] = 0;
                fieldTo[i] = 0;
            }
            return true;
        }

        private void validate(Ballot ballot) {
            Integer first = voterLines.putIfAbsent(ballot.voterId(), csv.line());
            int index = ballots.size() - 1;
            if (first != null) violate(index, ballot.voterId(), "has the same voter_id as the ballot on line " + first);
            for (String problem : rules.problems(ballot, projects, costScale, pointScale)) violate(index, ballot.voterId(), problem);
        }

        /** Records a violation of ballot number {@code ballot}, on the line just read. */
        private void violate(int ballot, String voter, String problem) {
            violations.add(new BallotViolation(csv.line(), ballot, voter, problem));
        }

        private static int firstRepeat(int[] chosen) {
            for (int i = 1; i < chosen.length; i++) for (int j = 0; j < i; j++) if (chosen[i] == chosen[j]) return chosen[i];
            throw new IllegalStateException("no repeat");
        }

        /** The points of the first listing of each project, in the order {@link #withoutRepeats} keeps them; null for ballots without points. */
        private static long[] firstListings(int[] chosen, long[] points) {
            if (points == null) return null;
            long[] kept = new long[(int) Arrays.stream(chosen).distinct().count()];
            int k = 0;
            for (int i = 0; i < chosen.length; i++) {
                boolean seen = false;
                for (int j = 0; j < i && !seen; j++) seen = chosen[j] == chosen[i];
                if (!seen) kept[k++] = points[i];
            }
            return kept;
        }

        /** A voter column value, shared with every earlier voter who had the same one (age, sex, district...). */
        private String shared(int i) {
            RangeTable table = sharedValues[i];
            if (table == null) return field(i);
            int known = table.find(fieldText[i], fieldFrom[i], fieldTo[i]);
            if (known >= 0) return table.key(known);
            String value = field(i);
            if (table.size() < MAX_SHARED_VALUES) table.add(value);
            return value;
        }

        /** Sets {@link #irregularVote} when the text is not exactly the ids joined by ',' (e.g. spaces). */
        private int[] projectList(String voter) {
            irregularVote = false;
            String text = fieldText[voteColumn];
            int from = fieldFrom[voteColumn], to = fieldTo[voteColumn];
            if (from == to) return new int[0];
            int count = PabulibCsv.items(text, from, to);
            int[] chosen = new int[count];
            int start = from;
            for (int k = 0; k < count; k++) {
                int end = k == count - 1 ? to : text.indexOf(',', start, to);
                int a = PabulibCsv.skipSpaceForward(text, start, end), b = PabulibCsv.skipSpaceBackward(text, a, end);
                if (b - a != end - start) irregularVote = true;
                int index = projectIndex.find(text, a, b);
                if (index < 0) {
                    fail(a == b ? "voter '" + voter + "' has an empty project id in 'vote' ('" + field(voteColumn) + "')"
                            : "voter '" + voter + "' votes for unknown project '" + text.substring(a, b) + "'");
                }
                chosen[k] = index;
                start = end + 1;
            }
            return chosen;
        }

        private long[] pointList(String voter) {
            String text = fieldText[pointsColumn];
            int from = fieldFrom[pointsColumn], to = fieldTo[pointsColumn];
            if (from == to) return new long[0];
            int count = PabulibCsv.items(text, from, to);
            long[] points = new long[count];
            int start = from;
            for (int k = 0; k < count; k++) {
                int end = k == count - 1 ? to : text.indexOf(',', start, to);
                int a = PabulibCsv.skipSpaceForward(text, start, end), b = PabulibCsv.skipSpaceBackward(text, a, end);
                try {
                    points[k] = Long.parseLong(text, a, b, 10);
                    if (pointScale > 0) points[k] = Math.multiplyExact(points[k], TEN_POWERS[pointScale]);
                } catch (NumberFormatException e) {
                    points[k] = fractionalPoints(voter, text.substring(a, b), points, k);
                } catch (ArithmeticException e) {
                    fail("voter '" + voter + "' has points '" + text.substring(a, b) + "' too large to count");
                }
                start = end + 1;
            }
            return points;
        }

        private static final long[] TEN_POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

        /**
         * Points with decimals (pabulib allows them on cumulative and scoring ballots): in units of 10^-pointScale. A value
         * finer than any before raises pointScale, and every point already read (this ballot's first {@code filled} too)
         * is rescaled, so all points of the file stay in one unit.
         */
        private long fractionalPoints(String voter, String value, long[] current, int filled) {
            BigDecimal d;
            try {
                d = new BigDecimal(value);
            } catch (NumberFormatException e) {
                fail("voter '" + voter + "' has points '" + value + "' that are not a number");
                return 0;
            }
            int scale = Math.max(d.stripTrailingZeros().scale(), 0);
            if (scale >= TEN_POWERS.length) fail("voter '" + voter + "' has points '" + value + "' with more than " + (TEN_POWERS.length - 1) + " decimals");
            if (scale > pointScale) {
                long factor = TEN_POWERS[scale - pointScale];
                try {
                    for (Ballot b : ballots) if (b.points() != null) for (int i = 0; i < b.points().length; i++) b.points()[i] = Math.multiplyExact(b.points()[i], factor);
                    for (int i = 0; i < filled; i++) current[i] = Math.multiplyExact(current[i], factor);
                } catch (ArithmeticException e) {
                    fail("points with " + scale + " decimals make the file's points too large to count");
                }
                pointScale = scale;
            }
            try {
                return d.movePointRight(pointScale).longValueExact();
            } catch (ArithmeticException e) {
                fail("voter '" + voter + "' has points '" + value + "' too large to count");
                return 0;
            }
        }

        /** The same array when no project repeats (the usual case, checked without allocating), else a copy without repeats. */
        private int[] withoutRepeats(int[] chosen) {
            boolean repeats = false;
            for (int i = 1; i < chosen.length && !repeats; i++) {
                for (int j = 0; j < i; j++) {
                    if (chosen[i] == chosen[j]) {
                        repeats = true;
                        break;
                    }
                }
            }
            return repeats ? Arrays.stream(chosen).distinct().toArray() : chosen;
        }

        private void rejectRepeats(String voter, int[] chosen) {
            for (int i = 0; i < chosen.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (chosen[i] == chosen[j]) {
                        fail("voter '" + voter + "' lists project '" + projects.get(chosen[i]).id() + "' twice in a "
                                + voteType.pabulibName() + " ballot");
                    }
                }
            }
        }

        private void fail(String problem) {
            throw new PabulibFormatException(file, csv.line(), problem);
        }
    }
}
