-- Decisions of deployed DMN resources, versioned per decision id; the decision requirements graph
-- (DRG) they belong to is the DMN resource row of engine.resource (kind 'dmn'), whose key is the
-- decision requirements key and whose content is the XML. DMN resources stored before this version
-- have no decisions here: deploy them again to evaluate them.
CREATE TABLE engine.decision_definition (
  key                          bigint PRIMARY KEY,
  decision_id                  text   NOT NULL,
  name                         text,
  version                      int    NOT NULL,
  version_tag                  text,
  decision_type                text   NOT NULL,
  decision_requirements_key    bigint NOT NULL,
  decision_requirements_id     text   NOT NULL,
  decision_requirements_name   text,
  decision_requirements_version int   NOT NULL,
  resource_name                text   NOT NULL,
  deployment_key               bigint NOT NULL
);
CREATE UNIQUE INDEX decision_definition_id_version ON engine.decision_definition (decision_id, version);
CREATE INDEX decision_definition_requirements ON engine.decision_definition (decision_requirements_key);

-- Every decision an evaluation evaluated (the required ones too), with its inputs, matched rules
-- and output in data: the audit. History: written once, never changed, not loaded at start.
-- key is '<evaluation key>-<n>' as Zeebe's decisionEvaluationInstanceKey; process columns are -1
-- for evaluations through POST /v2/decision-definitions/evaluation.
CREATE TABLE engine.decision_instance (
  key                  text   PRIMARY KEY,
  evaluation_key       bigint NOT NULL,
  state                text   NOT NULL,
  evaluation_date      bigint NOT NULL,
  decision_key         bigint NOT NULL,
  decision_id          text   NOT NULL,
  process_instance_key bigint NOT NULL,
  element_instance_key bigint NOT NULL,
  data                 json   NOT NULL
);
CREATE INDEX decision_instance_evaluation ON engine.decision_instance (evaluation_key);
CREATE INDEX decision_instance_process_instance ON engine.decision_instance (process_instance_key);
CREATE INDEX decision_instance_decision ON engine.decision_instance (decision_key);
