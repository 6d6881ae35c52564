-- The application's people: each user belongs to one unit of the region tree and holds roles;
-- BPMN candidate groups are derived from the two, so the models never name people.
CREATE TABLE app_user (
    id               BIGSERIAL    PRIMARY KEY,
    username         VARCHAR(64)  NOT NULL UNIQUE,
    display_name     VARCHAR(64)  NOT NULL,
    unit_code        VARCHAR(12)  NOT NULL REFERENCES region (code),
    roles            TEXT[]       NOT NULL CHECK (cardinality(roles) > 0),
    password_hash    TEXT         NOT NULL,
    -- sessions signed in before it end: a reset password locks out whoever else had it
    password_changed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_sign_ins  INTEGER      NOT NULL DEFAULT 0,
    locked_until     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (roles <@ ARRAY['COUNTY_OFFICER', 'CONTRACTOR', 'CITY_REVIEWER', 'PROVINCE_MANAGER', 'ADMIN']::TEXT[])
);

CREATE INDEX app_user_unit_idx ON app_user (unit_code);

-- Bearer tokens for scripts: only a hash is kept, the token itself is shown once.
CREATE TABLE api_token (
    id          BIGSERIAL    PRIMARY KEY,
    user_id     BIGINT       NOT NULL REFERENCES app_user (id),
    name        VARCHAR(64)  NOT NULL,
    token_hash  BYTEA        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ  NOT NULL,
    revoked_at  TIMESTAMPTZ
);

CREATE INDEX api_token_user_idx ON api_token (user_id);

-- Every state-changing request and every refusal (§二(一) truthfulness). Append-only: the
-- triggers below refuse UPDATE, DELETE and TRUNCATE for every database user the application
-- connects as, so a record once written stays as written.
CREATE TABLE audit_event (
    id              BIGSERIAL    PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    actor           VARCHAR(64)  NOT NULL,
    actor_unit      VARCHAR(12),
    actor_roles     TEXT[]       NOT NULL DEFAULT '{}',
    action          VARCHAR(64)  NOT NULL,
    object_type     VARCHAR(32),
    object_id       TEXT,
    before_state    JSONB,
    after_state     JSONB,
    outcome         VARCHAR(8)   NOT NULL CHECK (outcome IN ('DONE', 'REFUSED', 'FAILED')),
    reason          TEXT,
    http_method     VARCHAR(8),
    request_path    TEXT,
    http_status     INTEGER,
    remote_address  VARCHAR(64)
);

CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, id DESC);
CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id, id DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
