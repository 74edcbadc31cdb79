package dev.aios.agent.messaging;

import java.util.Locale;

/**
 * Whether a service declares the broker topology it uses ({@link #DECLARE}, needs configure permission) or only checks
 * with passive declarations that a provisioner declared it ({@link #VERIFY}, for users without configure permission).
 */
public enum TopologyMode {
    DECLARE,
    VERIFY;

    public static TopologyMode named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "declare" -> DECLARE;
            case "verify" -> VERIFY;
            default -> throw new IllegalArgumentException("unknown topology mode '" + name + "': declare or verify");
        };
    }
}
