package org.commonweal.cli.pb;

import org.commonweal.cli.Arguments;
import org.commonweal.cli.Command;
import org.commonweal.cli.Console;
import org.commonweal.cli.UsageException;
import org.commonweal.pb.Instance;
import org.commonweal.pb.pabulib.FlatCsvWriter;
import org.commonweal.pb.pabulib.PabulibWriter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code commonweal pb convert IN.pb OUT [--to pb|csv]}: rewrites a file normalised, or flattens it to CSV. */
final class PbConvertCommand implements Command {
    @Override
    public String name() {
        return "convert";
    }

    @Override
    public String summary() {
        return "rewrite a .pb file normalised, or as one flat CSV: IN.pb OUT [--to pb|csv]";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        if (args.contains("--help")) {
            console.out().println("""
                    Usage: commonweal pb convert IN.pb OUT [--to pb|csv]
                      pb  (default) the same election in normalised pabulib form ('\\n' line ends, ids and amounts checked)
                      csv one row per voter and project on their ballot (position, points, project columns as project_*)""");
            return 0;
        }
        Arguments a = Arguments.parse(args, Set.of("to"), Set.of());
        if (a.positional().size() != 2) throw new UsageException("convert needs IN.pb and OUT, got " + a.positional().size() + " file names");
        String format = a.text("to", "pb");
        if (!format.equals("pb") && !format.equals("csv")) throw new UsageException("--to must be pb or csv, got '" + format + "'");
        Instance instance = PbFiles.read(a.positional().get(0));
        Path out = Path.of(a.positional().get(1));
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (format.equals("pb")) PabulibWriter.write(instance, writer);
            else FlatCsvWriter.write(instance, writer);
        } catch (IOException e) {
            throw new UsageException(out + ": cannot be written (" + e.getMessage() + ")");
        }
        console.err().printf("wrote %s (%d projects, %d voters)%n", out, instance.projects().size(), instance.ballots().size());
        return 0;
    }
}
