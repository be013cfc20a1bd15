package org.commonweal.cli;

/** Bad arguments or bad input: printed as one clear line (no stack trace), exit code 2. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
