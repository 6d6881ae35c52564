-- The engine's own schema. Its tables arrive with the engine's record log and state
-- (issue 3); this first version records that the schema belongs to the engine.
COMMENT ON SCHEMA engine IS 'Landwatch embedded process engine: record log and derived state';
