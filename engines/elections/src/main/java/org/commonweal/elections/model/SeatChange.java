package org.commonweal.elections.model;

/** A seat that changes hands under the scenario; margins are the winner's lead over the runner-up, in votes. */
public record SeatChange(String id, String name, String region, String from, String to, long marginBefore, long marginAfter) {
}
