package org.commonweal.pb.pabulib;

/**
 * One way one ballot breaks the file's own rules (see {@link PabulibReader#readValidated}): the VOTES line it is
 * on, its index among the instance's ballots, the voter and the problem in words.
 */
public record BallotViolation(int line, int ballot, String voterId, String problem) {
    @Override
    public String toString() {
        return "line " + line + ": voter '" + voterId + "' " + problem;
    }
}
