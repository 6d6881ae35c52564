-- Zeebe user tasks. Rows stay after a task is completed or canceled, as history for searches
-- (Tasklist's view). One column per search filter; the rest of the task in data.
CREATE TABLE engine.user_task (
  key                    bigint PRIMARY KEY,
  state                  text   NOT NULL,
  element_instance_key   bigint NOT NULL,
  process_instance_key   bigint NOT NULL,
  process_definition_key bigint NOT NULL,
  bpmn_process_id        text   NOT NULL,
  element_id             text   NOT NULL,
  assignee               text,
  candidate_groups       text[] NOT NULL,
  candidate_users        text[] NOT NULL,
  priority               int    NOT NULL,
  creation_date          bigint NOT NULL,
  completion_date        bigint,
  due_date               bigint,
  follow_up_date         bigint,
  data                   json   NOT NULL
);
CREATE INDEX user_task_open ON engine.user_task (key) WHERE state = 'CREATED';
CREATE INDEX user_task_process_instance ON engine.user_task (process_instance_key);
CREATE INDEX user_task_candidate_groups ON engine.user_task USING gin (candidate_groups);
CREATE INDEX user_task_candidate_users ON engine.user_task USING gin (candidate_users);
