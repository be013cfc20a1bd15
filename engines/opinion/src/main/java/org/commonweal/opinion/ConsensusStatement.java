package org.commonweal.opinion;

/** A statement most participants agree (or disagree) with, with Polis's consensus statistics. */
public record ConsensusStatement(long statementId, int nSuccess, int nTrials, double pSuccess, double pTest) {
}
