-- Relations a model proposed live in the relation table's 'suggested' layer with the same provenance
-- as suggested mentions; proposed document labels get their own table.
ALTER TABLE relation ADD COLUMN model_id VARCHAR(200);
ALTER TABLE relation ADD COLUMN adapter_id VARCHAR(200);
ALTER TABLE relation ADD COLUMN prompt_template_id VARCHAR(200);
ALTER TABLE relation ADD COLUMN suggestion_round INT;
ALTER TABLE relation ADD COLUMN score DOUBLE PRECISION;

CREATE TABLE label_suggestion (
    document_id         BIGINT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    ordinal             INT NOT NULL,
    label               VARCHAR(200) NOT NULL,
    model_id            VARCHAR(200) NOT NULL,
    adapter_id          VARCHAR(200) NOT NULL,
    prompt_template_id  VARCHAR(200) NOT NULL,
    suggestion_round    INT NOT NULL,
    score               DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (document_id, ordinal)
);
