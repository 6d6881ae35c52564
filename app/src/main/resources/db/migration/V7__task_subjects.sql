-- The tasklist finds the spot or extension application of each task on a page by its process
-- instance (landwatch.task.TaskSubjects).
CREATE INDEX spot_progress_instance_idx ON spot_progress (process_instance_key);
CREATE INDEX extension_application_instance_idx ON extension_application (process_instance_key);
