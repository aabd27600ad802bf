package dev.newsroom.local;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The runner's commands that run once and exit instead of serving: {@code invoke FunctionName EVENT.json} and
 * {@code recount [SLUG...]}, on the database the runner would use. A database that does not answer gives one line,
 * {@code cannot reach DynamoDB at URL: why}, and status 1.
 */
final class LocalCommands {
    private LocalCommands() {
    }

    static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals(InvokeCommand.NAME) || args[0].equals(RecountCommand.NAME));
    }

    /** Runs the command in {@code args[0]}; the exit status. */
    static int run(String[] args, Map<String, String> env, Path projectRoot, PrintStream out, PrintStream err) throws Exception {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            if (args[0].equals(InvokeCommand.NAME)) {
                return InvokeCommand.run(rest, env, projectRoot, out, err);
            }
            try (LocalSession session = LocalSession.open(env, projectRoot)) {
                return RecountCommand.run(rest, session, out);
            }
        } catch (RuntimeException e) {
            if (!DatabaseReach.isUnreachable(e)) {
                throw e;
            }
            err.println(DatabaseReach.message(LocalDatabase.endpointFrom(env), e));
            return 1;
        }
    }
}
