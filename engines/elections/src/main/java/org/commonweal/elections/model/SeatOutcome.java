package org.commonweal.elections.model;

import java.util.Map;

/**
 * One constituency under the scenario: winners and margins before and after, the best-placed alliance
 * party after swing (null without an alliance candidate), and the modelled votes of every line still
 * standing (by candidate label; withdrawn candidates are left out), most votes first.
 */
public record SeatOutcome(String id, String name, String region, String before, String after, long marginBefore,
                          long marginAfter, String bestPlacedAlly, Map<String, Long> votes) {
}
