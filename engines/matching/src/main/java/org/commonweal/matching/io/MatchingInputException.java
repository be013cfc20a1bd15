package org.commonweal.matching.io;

/** Input the matcher cannot use, with where it is: a JSON path such as {@code $.volunteers[3].capacity}, or a line and column. */
public final class MatchingInputException extends Exception {
    public MatchingInputException(String message) {
        super(message);
    }
}
