package dev.aios.orchestrator.lease;

/** The Redis keys of the lease state under one prefix. */
record LeaseKeys(String prefix) {
    String lease(String leaseId) {
        return prefix + "lease:" + leaseId;
    }

    /** Sorted set of lease ids by expiry (epoch ms), read by the sweeper. */
    String expiries() {
        return prefix + "lease-expiries";
    }

    /** Present only while Redis holds every outstanding lease: written by a completed rebuild. */
    String marker() {
        return prefix + "lease-marker";
    }

    /** Sorted set of {@code <project>/<item>/<grant|reject>} by approval deadline (epoch ms), read by the sweeper. */
    String approvalDeadlines() {
        return prefix + "approval-deadlines";
    }

    String rebuildLock() {
        return prefix + "lease-rebuild-lock";
    }
}
