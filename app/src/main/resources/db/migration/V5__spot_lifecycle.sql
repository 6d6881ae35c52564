-- The monthly lifecycle of each issued spot (processes/spot-check.bpmn): its one current state
-- and flags (spot_progress, one row per spot, written with the batch), every step it took
-- (spot_event) and every judgment anyone made on it (spot_judgment). Events and judgments are
-- append-only: a correction or a direct judgment is a new row beside the county's, never an edit.

CREATE TABLE spot_progress (
    spot_id               BIGINT       PRIMARY KEY REFERENCES spot (id),
    state                 VARCHAR(16)  NOT NULL CHECK (state IN ('ISSUED', 'VERIFICATION', 'JUDGMENT',
                              'CITY_REVIEW', 'PROVINCE_REVIEW', 'CORRECTION', 'DIRECT_JUDGMENT', 'CONCLUDED')),
    county_due            DATE         NOT NULL,
    province_due          DATE         NOT NULL CHECK (province_due >= county_due),
    -- set once the engine accepted the spot's spot-issued message (its instance exists)
    started_at            TIMESTAMPTZ,
    process_instance_key  BIGINT,
    verified_at           TIMESTAMPTZ,
    reported_at           TIMESTAMPTZ,
    reported_by           VARCHAR(64),
    late_to_city          BOOLEAN      NOT NULL DEFAULT false,
    late                  BOOLEAN      NOT NULL DEFAULT false,
    county_overdue        BOOLEAN      NOT NULL DEFAULT false,
    province_overdue      BOOLEAN      NOT NULL DEFAULT false,
    mandatory_review      BOOLEAN      NOT NULL DEFAULT false,
    sampled               BOOLEAN      NOT NULL DEFAULT false,
    review_reasons        JSONB        NOT NULL DEFAULT '[]',
    province_re_review    BOOLEAN      NOT NULL DEFAULT false,
    field_check           BOOLEAN      NOT NULL DEFAULT false,
    returned_count        INTEGER      NOT NULL DEFAULT 0,
    corrected_count       INTEGER      NOT NULL DEFAULT 0,
    correction_due        DATE,
    county_error          BOOLEAN      NOT NULL DEFAULT false,
    directly_judged       BOOLEAN      NOT NULL DEFAULT false,
    final_judgment        VARCHAR(8)   CHECK (final_judgment IN ('LEGAL', 'ILLEGAL', 'OTHER')),
    final_basis           VARCHAR(16)  CHECK (final_basis IN ('COUNTY', 'CITY_DIRECT', 'PROVINCE_DIRECT')),
    concluded_at          TIMESTAMPTZ,
    awaiting_case_filing  BOOLEAN      NOT NULL DEFAULT false,
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX spot_progress_state_idx ON spot_progress (state);
CREATE INDEX spot_progress_unstarted_idx ON spot_progress (spot_id) WHERE started_at IS NULL;

CREATE TABLE spot_event (
    id           BIGSERIAL    PRIMARY KEY,
    spot_id      BIGINT       NOT NULL REFERENCES spot (id),
    step         VARCHAR(32)  NOT NULL,
    -- the engine's time of the step (FEEL now() in the model), which is what deadlines compare
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(64),
    detail       JSONB        NOT NULL,
    -- one event per job: a redelivered job finds its event, answers the same and changes nothing
    job_key      BIGINT       UNIQUE,
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX spot_event_spot_idx ON spot_event (spot_id, id);

CREATE TABLE spot_judgment (
    id           BIGSERIAL    PRIMARY KEY,
    spot_id      BIGINT       NOT NULL REFERENCES spot (id),
    basis        VARCHAR(20)  NOT NULL CHECK (basis IN ('COUNTY', 'COUNTY_CORRECTION', 'CITY_DIRECT', 'PROVINCE_DIRECT')),
    judgment     VARCHAR(8)   NOT NULL CHECK (judgment IN ('LEGAL', 'ILLEGAL', 'OTHER')),
    category     TEXT,
    detail       JSONB        NOT NULL,
    judged_by    VARCHAR(64)  NOT NULL,
    judged_at    TIMESTAMPTZ  NOT NULL,
    late         BOOLEAN      NOT NULL DEFAULT false,
    event_id     BIGINT       NOT NULL REFERENCES spot_event (id)
);

CREATE INDEX spot_judgment_spot_idx ON spot_judgment (spot_id, id);

-- In-app notifications, addressed to a unit's role group (the candidate groups of Role).
CREATE TABLE notification (
    id               BIGSERIAL    PRIMARY KEY,
    recipient_group  VARCHAR(64)  NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    message          TEXT         NOT NULL,
    spot_id          BIGINT       REFERENCES spot (id),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX notification_recipient_idx ON notification (recipient_group, id DESC);

CREATE FUNCTION spot_history_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER spot_event_no_update_or_delete BEFORE UPDATE OR DELETE ON spot_event
    FOR EACH ROW EXECUTE FUNCTION spot_history_is_append_only();
CREATE TRIGGER spot_event_no_truncate BEFORE TRUNCATE ON spot_event
    FOR EACH STATEMENT EXECUTE FUNCTION spot_history_is_append_only();
CREATE TRIGGER spot_judgment_no_update_or_delete BEFORE UPDATE OR DELETE ON spot_judgment
    FOR EACH ROW EXECUTE FUNCTION spot_history_is_append_only();
CREATE TRIGGER spot_judgment_no_truncate BEFORE TRUNCATE ON spot_judgment
    FOR EACH STATEMENT EXECUTE FUNCTION spot_history_is_append_only();

-- Batches imported before this migration get their spots' progress, so every spot has one.
INSERT INTO spot_progress (spot_id, state, county_due, province_due)
SELECT s.id, 'ISSUED', COALESCE(b.county_due, b.imported_at::date), COALESCE(b.province_due, b.imported_at::date)
FROM spot s JOIN batch b ON b.id = s.batch_id;
