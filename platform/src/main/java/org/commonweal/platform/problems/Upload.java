package org.commonweal.platform.problems;

/**
 * The photo field as posted: its size, and its bytes when the size is within {@link Photo#MAX_BYTES} (an oversized
 * file is never read into memory). A form without a file has no Upload at all.
 */
record Upload(long size, byte[] bytes) {
    boolean tooLarge() {
        return bytes == null;
    }
}
