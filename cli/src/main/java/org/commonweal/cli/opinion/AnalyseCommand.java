package org.commonweal.cli.opinion;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.opinion.Analysis;
import org.commonweal.opinion.OpinionMath;
import org.commonweal.opinion.io.ConversationFile;
import org.commonweal.opinion.io.OpinionFormatException;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code commonweal opinion analyse PATH [--json]}: one update of Polis's math over a conversation folder. */
final class AnalyseCommand implements Command {
    private static final String USAGE = """
            Usage: commonweal opinion analyse PATH [--json]
              PATH    a folder holding a conversation in either layout: the openData CSVs (comments.csv + votes.csv,
                      optionally summary.csv) or a Polis JSON export (votes.json + comments.json + conversation.json)
              --json  print the analysis as JSON (participant and statement ids as in the files); see docs/cli.md""";

    @Override
    public String name() {
        return "analyse";
    }

    @Override
    public String summary() {
        return "find the opinion groups, what sets each apart and the consensus: PATH [--json]";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println(USAGE);
            return 0;
        }
        Arguments a = Arguments.parse(args, Set.of(), Set.of("json"));
        if (a.positional().size() != 1) throw new UsageException("analyse needs exactly one folder, got " + a.positional().size());
        Path folder = Path.of(a.positional().get(0));
        ConversationFile conversation;
        try {
            conversation = ConversationFile.read(folder);
        } catch (OpinionFormatException e) {
            throw new UsageException(e.file().equals(folder.toString()) ? e.getMessage() : folder.resolve(e.file()) + e.getMessage().substring(e.file().length()));
        }
        if (conversation.votes().isEmpty()) throw new UsageException(folder + ": the conversation has no votes to analyse");
        Analysis analysis = OpinionMath.update(null, conversation.matrix());
        if (a.has("json")) {
            console.out().println(AnalysisJson.of(analysis));
        } else {
            new AnalysisText(conversation, analysis).print(console.out());
        }
        return 0;
    }
}
