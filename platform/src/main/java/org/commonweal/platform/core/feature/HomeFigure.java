package org.commonweal.platform.core.feature;

/** A figure of the platform's use for the home page: the number in words (already formatted) and what it counts (a message key). */
public record HomeFigure(String value, String labelKey) {
}
