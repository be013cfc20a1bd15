package org.commonweal.platform.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files holding secrets (the database password, the care key) that only the platform's own user may read. */
public final class OwnerOnly {
    private OwnerOnly() {
    }

    /**
     * Creates {@code file}, empty, readable and writable by its owner alone. A file system without POSIX modes (Windows)
     * protects it by the user profile's own access rules instead.
     */
    public static Path create(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) return Files.createFile(file);
        return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
}
