package org.commonweal.elections.model;

/**
 * How many list seats each region gets in the Additional Member System comparison: the region's number of
 * constituencies × listSeats / perConstituencies, rounded half up. The default is the Scottish Parliament's
 * proportion (56 list members to 73 constituencies).
 */
public record AmsAssumption(int listSeats, int perConstituencies) {
    public static final AmsAssumption SCOTTISH_PARLIAMENT = new AmsAssumption(56, 73);

    public int listSeatsFor(int constituencies) {
        return (int) ((2L * constituencies * listSeats + perConstituencies) / (2L * perConstituencies));
    }
}
