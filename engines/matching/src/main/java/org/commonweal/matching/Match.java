package org.commonweal.matching;

/** One request given to one volunteer, with the pair's cost: the distance in km, or 0 when they have met before. */
public record Match(String request, String volunteer, double costKm) {
}
