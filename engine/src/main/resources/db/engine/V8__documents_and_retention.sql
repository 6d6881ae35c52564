-- Documents (POST /v2/documents): uploaded files with their metadata, stored in one transaction
-- before the upload is answered. Not engine state: the writer never reads or writes them.
CREATE TABLE engine.document (
  document_id  text   PRIMARY KEY,
  store_id     text   NOT NULL,
  content      bytea  NOT NULL,
  content_hash text   NOT NULL,
  metadata     json   NOT NULL,
  created      bigint NOT NULL,
  expires      bigint
);
CREATE INDEX document_expires ON engine.document (expires) WHERE expires IS NOT NULL;

-- Links (POST /v2/documents/{id}/links): only the SHA-256 of a link's token is kept, so that the
-- table does not hold usable links. A deleted document takes its links with it.
CREATE TABLE engine.document_link (
  token_hash  text   PRIMARY KEY,
  document_id text   NOT NULL REFERENCES engine.document (document_id) ON DELETE CASCADE,
  expires     bigint NOT NULL
);
CREATE INDEX document_link_document ON engine.document_link (document_id);
CREATE INDEX document_link_expires ON engine.document_link (expires);

-- History retention finds ended root instances by their end and a root's called instances (their
-- variables by the instance index of V7).
CREATE INDEX process_instance_ended ON engine.element_instance (end_date)
  WHERE element_type = 'PROCESS' AND parent_process_instance_key = -1 AND end_date IS NOT NULL;
CREATE INDEX process_instance_by_parent ON engine.element_instance (parent_process_instance_key)
  WHERE element_type = 'PROCESS' AND parent_process_instance_key <> -1;
