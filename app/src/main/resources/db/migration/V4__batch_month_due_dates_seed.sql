-- The month a batch was issued in, its due dates (the last day on time, in the deadline zone) and
-- the seed its review sample is drawn from (landwatch.review). Batches imported before this
-- migration have none.
ALTER TABLE batch
    ADD COLUMN issued_month  DATE CHECK (issued_month = date_trunc('month', issued_month)::date),
    ADD COLUMN county_due    DATE,
    ADD COLUMN province_due  DATE CHECK (province_due >= county_due),
    ADD COLUMN sampling_seed CHAR(64) CHECK (sampling_seed ~ '^[0-9a-f]{64}$');
