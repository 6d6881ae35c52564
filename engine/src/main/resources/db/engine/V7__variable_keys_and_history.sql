-- Every variable has a key, kept across updates (Zeebe's VARIABLE records carry it). Rows stored
-- before this version take fresh keys above the partition's last one, which then moves past them,
-- so no key is ever given twice.
ALTER TABLE engine.variable ADD COLUMN key bigint;

UPDATE engine.variable v SET key = p.last_key + n.row
FROM (SELECT scope_key, name, row_number() OVER (ORDER BY scope_key, name) AS row FROM engine.variable) n,
     engine.partition_state p
WHERE p.partition_id = 1 AND n.scope_key = v.scope_key AND n.name = v.name;

UPDATE engine.partition_state SET last_key = last_key + (SELECT count(*) FROM engine.variable)
WHERE partition_id = 1;

ALTER TABLE engine.variable ALTER COLUMN key SET NOT NULL;
CREATE UNIQUE INDEX variable_key ON engine.variable (key);
-- the variables of ended scopes now stay, as Operate keeps them: searched by instance and name
CREATE INDEX variable_process_instance ON engine.variable (process_instance_key);
CREATE INDEX variable_name ON engine.variable (name);

-- The path taken: one row per sequence flow and process instance, as Operate keeps it.
CREATE TABLE engine.sequence_flow (
  process_instance_key   bigint NOT NULL,
  element_id             text   NOT NULL,
  process_definition_key bigint NOT NULL,
  bpmn_process_id        text   NOT NULL,
  PRIMARY KEY (process_instance_key, element_id)
);

-- Process message subscriptions with their last state (CREATED, CORRELATED, DELETED): the open
-- ones are also in engine.message_subscription, which drops them when they close.
CREATE TABLE engine.message_subscription_history (
  key                  bigint PRIMARY KEY,
  process_instance_key bigint NOT NULL,
  state                text   NOT NULL,
  last_updated         bigint NOT NULL,
  data                 json   NOT NULL
);
CREATE INDEX message_subscription_history_process_instance ON engine.message_subscription_history (process_instance_key);

-- One row per correlation: which message went to which subscription.
CREATE TABLE engine.correlated_message_subscription (
  message_key          bigint NOT NULL,
  subscription_key     bigint NOT NULL,
  process_instance_key bigint NOT NULL,
  correlation_time     bigint NOT NULL,
  data                 json   NOT NULL,
  PRIMARY KEY (message_key, subscription_key)
);
CREATE INDEX correlated_message_subscription_process_instance ON engine.correlated_message_subscription (process_instance_key);
