-- A deployed BPMN resource is stored once, in engine.resource (kind 'bpmn'), however many process
-- versions it holds or however often it is redeployed; each process_definition row references it
-- by resource_key and keeps only what the engine needs without parsing the model: the process's
-- name, its version tag and its message/signal start events (filled by the Java migration V4 for
-- rows stored before this version, from their resource).
ALTER TABLE engine.process_definition
  ADD COLUMN resource_key bigint,
  ADD COLUMN name         text,
  ADD COLUMN version_tag  text,
  ADD COLUMN start_events json;

-- one row per distinct content (the checksum is the content's SHA-256), keyed by the first
-- process version that stored it: keys are unique across the partition, so it collides with none
INSERT INTO engine.resource (key, kind, resource_id, version, resource_name, checksum, deployment_key, resource)
SELECT DISTINCT ON (checksum) key, 'bpmn', resource_name, 0, resource_name, checksum, deployment_key, resource
FROM engine.process_definition
ORDER BY checksum, key;

UPDATE engine.process_definition d SET resource_key = r.key
FROM engine.resource r
WHERE r.kind = 'bpmn' AND r.checksum = d.checksum;

ALTER TABLE engine.process_definition
  ALTER COLUMN resource_key SET NOT NULL,
  DROP COLUMN resource;

CREATE UNIQUE INDEX resource_bpmn_checksum ON engine.resource (checksum) WHERE kind = 'bpmn';
CREATE INDEX process_definition_resource ON engine.process_definition (resource_key);
