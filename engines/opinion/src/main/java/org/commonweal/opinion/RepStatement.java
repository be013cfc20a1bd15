package org.commonweal.opinion;

/**
 * A statement that sets a group apart (Polis's "repness"), in Polis's finalised form.
 *
 * @param statementId the statement
 * @param repfulFor   {@link Vote#AGREE} or {@link Vote#DISAGREE}: which way the group stands out
 * @param nSuccess    the group's agrees (or disagrees)
 * @param nTrials     the group's votes on it (passes included)
 * @param pSuccess    (1 + nSuccess) / (2 + nTrials)
 * @param pTest       one-proportion z statistic of pSuccess
 * @param repness     pSuccess divided by the same probability among the other groups (ra or rd)
 * @param repnessTest two-proportion z statistic (rat or rdt), rounded to a float as Polis does
 * @param bestAgree   whether Polis's best-agree rule put it first
 */
public record RepStatement(long statementId, Vote repfulFor, int nSuccess, int nTrials, double pSuccess, double pTest,
                           double repness, float repnessTest, boolean bestAgree) {
}
