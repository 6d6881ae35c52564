-- Extension applications 延期申请 (§三(一)3, processes/spot-extension.bpmn): a county's written
-- application for chosen spots, every level's decision on it, and for each spot the due dates
-- before and after. Applications and decisions are never deleted; decisions are append-only.

CREATE TABLE extension_application (
    id                    BIGSERIAL    PRIMARY KEY,
    county_code           VARCHAR(12)  NOT NULL REFERENCES region (code),
    city_code             VARCHAR(12)  NOT NULL REFERENCES region (code),
    reason                TEXT         NOT NULL,
    requested_due         DATE         NOT NULL,
    -- the chain the application was filed under (configuration may change later)
    approval_chain        JSONB        NOT NULL,
    -- the engine's document reference of the written application, as a process variable holds it
    document              JSONB        NOT NULL,
    document_name         TEXT         NOT NULL,
    document_type         VARCHAR(100) NOT NULL,
    document_bytes        BIGINT       NOT NULL,
    applied_by            VARCHAR(64)  NOT NULL,
    applied_at            TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    status                VARCHAR(10)  NOT NULL DEFAULT 'APPLIED'
                              CHECK (status IN ('APPLIED', 'ENDORSED', 'APPROVED', 'REFUSED')),
    granted_due           DATE,
    decided_at            TIMESTAMPTZ,
    -- set once the due dates moved (the last step of an approved application)
    extended_at           TIMESTAMPTZ,
    -- set once the engine accepted the application's extension-applied message
    started_at            TIMESTAMPTZ,
    process_instance_key  BIGINT
);

CREATE INDEX extension_application_county_idx ON extension_application (county_code, id DESC);
CREATE INDEX extension_application_unstarted_idx ON extension_application (id) WHERE started_at IS NULL;

CREATE TABLE extension_spot (
    extension_id            BIGINT   NOT NULL REFERENCES extension_application (id),
    spot_id                 BIGINT   NOT NULL REFERENCES spot (id),
    county_due_before       DATE     NOT NULL,
    province_due_before     DATE     NOT NULL,
    county_due_after        DATE,
    province_due_after      DATE,
    -- whether the spot's deadline timers moved with it: false when it had reported by then
    timers_moved            BOOLEAN,
    PRIMARY KEY (extension_id, spot_id)
);

CREATE INDEX extension_spot_spot_idx ON extension_spot (spot_id);

CREATE TABLE extension_decision (
    id            BIGSERIAL    PRIMARY KEY,
    extension_id  BIGINT       NOT NULL REFERENCES extension_application (id),
    level         VARCHAR(10)  NOT NULL CHECK (level IN ('CITY', 'PROVINCE')),
    approved      BOOLEAN      NOT NULL,
    opinion       TEXT,
    granted_due   DATE,
    decided_by    VARCHAR(64)  NOT NULL,
    decided_at    TIMESTAMPTZ  NOT NULL,
    -- one decision per job: a redelivered job finds it and changes nothing
    job_key       BIGINT       NOT NULL UNIQUE
);

CREATE INDEX extension_decision_extension_idx ON extension_decision (extension_id, id);

CREATE TRIGGER extension_decision_no_update_or_delete BEFORE UPDATE OR DELETE ON extension_decision
    FOR EACH ROW EXECUTE FUNCTION spot_history_is_append_only();
CREATE TRIGGER extension_decision_no_truncate BEFORE TRUNCATE ON extension_decision
    FOR EACH STATEMENT EXECUTE FUNCTION spot_history_is_append_only();
CREATE TRIGGER extension_application_no_delete BEFORE DELETE ON extension_application
    FOR EACH ROW EXECUTE FUNCTION spot_history_is_append_only();
CREATE TRIGGER extension_application_no_truncate BEFORE TRUNCATE ON extension_application
    FOR EACH STATEMENT EXECUTE FUNCTION spot_history_is_append_only();
