-- The cockpit's diagram overlays count a process version's element instances, history included
-- (POST /process-definitions/{key}/statistics/element-instances): found by version, not by scan.
CREATE INDEX element_instance_by_definition ON engine.element_instance (process_definition_key, element_id);

-- A tasklist's everyday searches: my tasks, and the open tasks oldest (or newest) first.
CREATE INDEX user_task_assignee ON engine.user_task (assignee);
CREATE INDEX user_task_state_created ON engine.user_task (state, creation_date);

-- Open tasks, loaded at start, include those waiting for a task listener (CREATING, ASSIGNING, …).
DROP INDEX engine.user_task_open;
CREATE INDEX user_task_open ON engine.user_task (key) WHERE state NOT IN ('COMPLETED', 'CANCELED');
