-- Spots issued by the Ministry in monthly batches, the reference layers they are checked against,
-- and the result of each check. Geometries are CGCS2000 lon/lat as WKB (no PostGIS: the
-- embedded server has none); spatial work happens in the application with JTS.

CREATE TABLE batch (
    id           BIGSERIAL PRIMARY KEY,
    file_name    TEXT        NOT NULL,
    format       VARCHAR(16) NOT NULL CHECK (format IN ('SHAPEFILE', 'GEOJSON')),
    spot_count   INTEGER     NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    imported_by  TEXT        NOT NULL
);

CREATE TABLE spot (
    id                 BIGSERIAL PRIMARY KEY,
    batch_id           BIGINT        NOT NULL REFERENCES batch (id),
    feature_index      INTEGER       NOT NULL,
    monitoring_code    VARCHAR(64)   NOT NULL UNIQUE,
    region_code        VARCHAR(12)   NOT NULL REFERENCES region (code),
    change_type        TEXT,
    reported_area_mu   NUMERIC(14, 2),
    imagery_before     DATE,
    imagery_after      DATE,
    area_mu            NUMERIC(14, 2) NOT NULL,
    geometry           BYTEA         NOT NULL,
    attributes         JSONB         NOT NULL,
    repairs            JSONB         NOT NULL DEFAULT '[]'
);

CREATE UNIQUE INDEX spot_batch_feature_idx ON spot (batch_id, feature_index);
CREATE INDEX spot_region_idx ON spot (region_code);

CREATE TABLE layer_version (
    id             BIGSERIAL PRIMARY KEY,
    layer_class    VARCHAR(32) NOT NULL,
    survey_year    INTEGER     NOT NULL,
    file_name      TEXT        NOT NULL,
    feature_count  INTEGER     NOT NULL,
    imported_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    imported_by    TEXT        NOT NULL,
    current        BOOLEAN     NOT NULL
);

-- At most one current version per class: a replacement flips it inside one transaction. The
-- features of a superseded version are dropped (a province's cultivated land is a million
-- polygons); its row stays, and the results computed against it name it.
CREATE UNIQUE INDEX layer_version_current_idx ON layer_version (layer_class) WHERE current;

CREATE TABLE layer_feature (
    layer_version_id BIGINT  NOT NULL REFERENCES layer_version (id) ON DELETE CASCADE,
    feature_index    INTEGER NOT NULL,
    geometry         BYTEA   NOT NULL,
    PRIMARY KEY (layer_version_id, feature_index)
);

-- Every check result is kept, never overwritten: a recomputation after a layer change appends,
-- so what a spot looked like when an officer judged it stays traceable. The newest row is current.
CREATE TABLE spot_spatial_result (
    id             BIGSERIAL   PRIMARY KEY,
    spot_id        BIGINT      NOT NULL REFERENCES spot (id),
    result         JSONB       NOT NULL,
    computed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX spot_spatial_result_spot_idx ON spot_spatial_result (spot_id, id DESC);
