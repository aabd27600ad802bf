package dev.newsroom.application;

import dev.newsroom.application.port.IdGenerator;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * ULIDs (26 Crockford base-32 characters: 48 bits of milliseconds, 80 random bits). Ids from one generator
 * are strictly increasing, also within one millisecond, so they sort in creation order.
 */
public final class UlidGenerator implements IdGenerator {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private long randomHigh;
    private long randomLow;

    public UlidGenerator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized String newId() {
        long millis = Math.max(clock.millis(), lastMillis);
        if (millis == lastMillis) {
            randomLow = (randomLow + 1) & 0xFF_FFFF_FFFFL;
            if (randomLow == 0) {
                randomHigh = (randomHigh + 1) & 0xFF_FFFF_FFFFL;
            }
        } else {
            randomHigh = random.nextLong() & 0xFF_FFFF_FFFFL;
            randomLow = random.nextLong() & 0x7F_FFFF_FFFFL;
            lastMillis = millis;
        }
        char[] out = new char[26];
        encode(out, 0, millis, 10);
        encode(out, 10, randomHigh, 8);
        encode(out, 18, randomLow, 8);
        return new String(out);
    }

    private static void encode(char[] out, int offset, long value, int chars) {
        for (int i = chars - 1; i >= 0; i--) {
            out[offset + i] = ALPHABET[(int) (value & 31)];
            value >>>= 5;
        }
    }
}
