-- Events only feed progress streams, so old ones are deleted (EventPruner). A BRIN index on their time finds
-- the old rows without scanning the table: rows are appended in time order, and the index stays tiny and
-- nearly free to maintain on this write-heavy table.
CREATE INDEX job_events_at_idx ON job_events USING brin (at);
