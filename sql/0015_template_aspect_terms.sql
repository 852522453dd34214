-- A user template may bring aspect terms of its own (category name → terms that stand in for one another), which
-- augmented jobs add to the standard lexicon. They belong to the stored version: part of its content hash, and
-- as immutable as its body, since the triggers of 0012 refuse every UPDATE and DELETE of a row. A constant
-- default adds the column without rewriting the table or firing those triggers.
ALTER TABLE templates ADD COLUMN aspect_terms jsonb NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(aspect_terms) = 'object');
