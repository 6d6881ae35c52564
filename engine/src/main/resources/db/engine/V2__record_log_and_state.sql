-- The append-only record log: every event and rejection the single writer produces, in order.
CREATE TABLE engine.record (
  position   bigint PRIMARY KEY,
  record_key bigint NOT NULL,
  value_type text   NOT NULL,
  intent     text   NOT NULL,
  value      json   NOT NULL,
  timestamp  bigint NOT NULL
);

-- Where the writer resumes after a restart: keys and positions are never reused.
CREATE TABLE engine.partition_state (
  partition_id  int PRIMARY KEY,
  last_key      bigint NOT NULL,
  last_position bigint NOT NULL
);

CREATE TABLE engine.process_definition (
  key             bigint PRIMARY KEY,
  bpmn_process_id text   NOT NULL,
  version         int    NOT NULL,
  resource_name   text   NOT NULL,
  checksum        text   NOT NULL,
  deployment_key  bigint NOT NULL,
  resource        bytea  NOT NULL
);
CREATE UNIQUE INDEX process_definition_id_version ON engine.process_definition (bpmn_process_id, version);

-- DMN and form resources: stored now, executed by a later part of the engine.
CREATE TABLE engine.resource (
  key            bigint PRIMARY KEY,
  kind           text   NOT NULL,
  resource_id    text   NOT NULL,
  version        int    NOT NULL,
  resource_name  text   NOT NULL,
  checksum       text   NOT NULL,
  deployment_key bigint NOT NULL,
  resource       bytea  NOT NULL
);

-- Element instances stay after they end (state COMPLETED/TERMINATED) so that searches and
-- GET /process-instances/{key} can answer about finished instances, as Operate would.
CREATE TABLE engine.element_instance (
  key                          bigint PRIMARY KEY,
  process_instance_key         bigint NOT NULL,
  process_definition_key       bigint NOT NULL,
  bpmn_process_id              text   NOT NULL,
  version                      int    NOT NULL,
  element_id                   text   NOT NULL,
  element_type                 text   NOT NULL,
  state                        text   NOT NULL,
  flow_scope_key               bigint NOT NULL,
  parent_process_instance_key  bigint NOT NULL,
  parent_element_instance_key  bigint NOT NULL,
  start_date                   bigint NOT NULL,
  end_date                     bigint,
  incident_key                 bigint NOT NULL,
  data                         json   NOT NULL
);
CREATE INDEX element_instance_process_instance ON engine.element_instance (process_instance_key);
CREATE INDEX element_instance_live ON engine.element_instance (key) WHERE state NOT IN ('COMPLETED', 'TERMINATED');
CREATE INDEX process_instance_by_process ON engine.element_instance (bpmn_process_id) WHERE element_type = 'PROCESS';

CREATE TABLE engine.variable (
  scope_key            bigint NOT NULL,
  name                 text   NOT NULL,
  process_instance_key bigint NOT NULL,
  value                text   NOT NULL,
  PRIMARY KEY (scope_key, name)
);

CREATE TABLE engine.job (key bigint PRIMARY KEY, data json NOT NULL);
CREATE TABLE engine.timer (key bigint PRIMARY KEY, data json NOT NULL);
CREATE TABLE engine.message_subscription (key bigint PRIMARY KEY, data json NOT NULL);
CREATE TABLE engine.message (key bigint PRIMARY KEY, data json NOT NULL);

CREATE TABLE engine.incident (
  key                  bigint PRIMARY KEY,
  process_instance_key bigint NOT NULL,
  state                text   NOT NULL,
  error_type           text   NOT NULL,
  creation_time        bigint NOT NULL,
  data                 json   NOT NULL
);
CREATE INDEX incident_process_instance ON engine.incident (process_instance_key);
