-- Whose tokens are revoked (ADR 0044): every token of the subject issued before revoked_before is refused, on every
-- replica within aios.security.revocation-refresh. A subject revoked again keeps the later bound.
CREATE TABLE token_revocations (
    subject        TEXT        PRIMARY KEY,
    revoked_before TIMESTAMPTZ NOT NULL,
    revoked_by     TEXT        NOT NULL,
    reason         TEXT        NOT NULL,
    revoked_at     TIMESTAMPTZ NOT NULL
);
