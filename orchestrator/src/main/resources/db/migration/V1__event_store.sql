-- Append-only event store. tx_id lets global-order readers skip nothing that commits late (ADR 0001).
CREATE TABLE events (
    global_position BIGSERIAL PRIMARY KEY,
    stream_id       TEXT        NOT NULL,
    stream_version  BIGINT      NOT NULL,
    event_id        UUID        NOT NULL UNIQUE,
    type            TEXT        NOT NULL,
    payload         BYTEA       NOT NULL,
    metadata        JSONB       NOT NULL DEFAULT '{}'::jsonb,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    tx_id           XID8        NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
);
CREATE INDEX events_tx_order ON events (tx_id, global_position);

-- Messages to publish, written in the same transaction as the events that caused them.
CREATE TABLE outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    exchange     TEXT        NOT NULL,
    routing_key  TEXT        NOT NULL,
    envelope     BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

-- Agent events already handled: the key is written with the handling's events, so a redelivery is a no-op.
CREATE TABLE inbox (
    message_id   TEXT        PRIMARY KEY,
    handled_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Projections: rebuildable from events; every value derives from events only (no now()), so a rebuild is
-- byte-identical.
CREATE TABLE projects (
    project_id      UUID    PRIMARY KEY,
    name            TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    current_sprint  INT     NOT NULL DEFAULT 0,
    budget_micros   BIGINT  NOT NULL,
    spent_micros    BIGINT  NOT NULL DEFAULT 0,
    tasks_total     INT     NOT NULL DEFAULT 0,
    tasks_done      INT     NOT NULL DEFAULT 0,
    stop_reason     TEXT,
    submitted_at    TIMESTAMPTZ NOT NULL,
    submit_position BIGINT  NOT NULL
);
CREATE INDEX projects_order ON projects (submit_position);

CREATE TABLE tasks (
    project_id  UUID   NOT NULL,
    task_id     TEXT   NOT NULL,
    role        TEXT   NOT NULL,
    kind        TEXT   NOT NULL,
    title       TEXT   NOT NULL,
    points      INT    NOT NULL,
    depends_on  TEXT   NOT NULL,
    status      TEXT   NOT NULL,
    sprint      INT    NOT NULL DEFAULT 0,
    attempt     INT    NOT NULL DEFAULT 0,
    agent_id    TEXT,
    cost_micros BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, task_id)
);

CREATE TABLE sprints (
    project_id     UUID    NOT NULL,
    sprint_number  INT     NOT NULL,
    status         TEXT    NOT NULL,
    task_ids       TEXT    NOT NULL,
    planned_points INT     NOT NULL,
    review_passed  BOOLEAN,
    defects        INT     NOT NULL DEFAULT 0,
    cost_micros    BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, sprint_number)
);

CREATE TABLE workspace_files (
    project_id UUID   NOT NULL,
    path       TEXT   NOT NULL,
    content    BYTEA  NOT NULL,
    task_id    TEXT   NOT NULL,
    PRIMARY KEY (project_id, path)
);

CREATE TABLE costs (
    project_id     UUID   NOT NULL,
    call_id        TEXT   NOT NULL,
    task_id        TEXT   NOT NULL,
    sprint_number  INT    NOT NULL,
    cost_micros    BIGINT NOT NULL,
    input_tokens   BIGINT NOT NULL,
    output_tokens  BIGINT NOT NULL,
    PRIMARY KEY (project_id, call_id)
);
