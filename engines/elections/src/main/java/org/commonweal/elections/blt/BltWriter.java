package org.commonweal.elections.blt;

/** Writes an election in the canonical BLT layout that {@link BltReader} reads back to an equal value. */
public final class BltWriter {
    private BltWriter() {
    }

    public static String write(BltElection election) {
        StringBuilder out = new StringBuilder();
        out.append(election.candidates().size()).append(' ').append(election.seats()).append('\n');
        if (!election.withdrawn().isEmpty()) {
            StringBuilder line = new StringBuilder();
            for (int w : election.withdrawn()) line.append(line.isEmpty() ? "" : " ").append(-w);
            out.append(line).append('\n');
        }
        for (BltBallot b : election.ballots()) {
            out.append(b.weight());
            for (int i = 0; i < b.length(); i++) out.append(' ').append(b.preference(i));
            out.append(" 0\n");
        }
        out.append("0\n");
        for (String name : election.candidates()) out.append(quote(name)).append('\n');
        out.append(quote(election.title())).append('\n');
        return out.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
