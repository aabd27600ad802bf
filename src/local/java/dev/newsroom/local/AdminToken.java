package dev.newsroom.local;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The runner's admin token (the bearer token that plays a moderator, and the local sign-in's password):
 * {@code ADMIN_TOKEN} when set; else the one kept in the data folder ({@code .local-db/admin-token}, made on the
 * first start, readable by its owner only), so it survives restarts and the console stays signed in; with the data
 * in memory, a new one each start.
 */
final class AdminToken {
    static final String FILE = "admin-token";

    private AdminToken() {
    }

    /** The token to use: {@code given} when not blank, else the data folder's (made when missing), else a new one. */
    static String choose(String given, Path dataFolder) throws IOException {
        if (given != null && !given.isBlank()) {
            return given;
        }
        if (dataFolder == null) {
            return newToken();
        }
        Path file = dataFolder.resolve(FILE);
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file).trim();
            if (kept.matches("[0-9a-f]{48}")) {
                return kept;
            }
        }
        Files.createDirectories(dataFolder);
        String token = newToken();
        Path written = dataFolder.resolve(FILE + ".new");
        Files.deleteIfExists(written);
        try {
            Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | FileAlreadyExistsException notPosix) {
            Files.deleteIfExists(written);
            Files.createFile(written);
        }
        Files.writeString(written, token + "\n");
        Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return token;
    }

    /** The line printed at start, ready to paste into a shell for the curl examples. */
    static String exportLine(String token) {
        return "export ADMIN_TOKEN=" + token;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
