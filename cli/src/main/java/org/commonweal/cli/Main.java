package org.commonweal.cli;

import java.util.List;

/** Entry point of the {@code commonweal} launcher. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Console.system()));
    }

    /** Runs one command; never lets a stack trace reach the user for bad input. */
    public static int run(List<String> args, Console console) {
        String name = args.isEmpty() ? "help" : args.get(0);
        Command command = Commands.all().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (command == null) {
            console.err().println("commonweal: unknown command '" + name + "'. Run 'commonweal help'.");
            return 2;
        }
        try {
            return command.run(args.subList(1, args.size()), console);
        } catch (UsageException e) {
            console.err().println("commonweal " + name + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            console.err().println("commonweal " + name + ": failed: " + e);
            return 1;
        } catch (OutOfMemoryError e) {
            // Limits keep known inputs within memory; this is the last guard, still one line and no stack trace.
            console.err().println("commonweal " + name + ": ran out of memory: the input is too large for the memory Java was given"
                    + " (raise it with COMMONWEAL_JAVA_OPTS=-Xmx...)");
            return 1;
        }
    }
}
