package dev.foresight.cli;

import picocli.CommandLine;

/**
 * Turns the exceptions a user can cause (bad files, unreachable cluster, invalid settings) into one
 * clear line on stderr and exit code 1; a stack trace only with {@code FORESIGHT_DEBUG=1}.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println(commandLine.getColorScheme().errorText(commandLine.getCommandSpec().qualifiedName() + ": " + message(ex)));
        if ("1".equals(System.getenv("FORESIGHT_DEBUG"))) {
            ex.printStackTrace(commandLine.getErr());
        } else {
            commandLine.getErr().println("(set FORESIGHT_DEBUG=1 for the stack trace)");
        }
        return 1;
    }

    static String message(Throwable ex) {
        Throwable t = ex;
        // Wrappers (execution, completion) add nothing a user can act on.
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
