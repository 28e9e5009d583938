-- The stitch queue is worked off in ref order (a sweep that wraps around), which its primary key serves. The index
-- on (ticket, ref) served the old ticket order and nothing else: every enqueue and dequeue paid for one more B-tree,
-- twice per entity in a cold ingestion. The tickets themselves stay: they tell a stitcher whether a ref was queued
-- again while it was being stitched.
DROP INDEX IF EXISTS stitch_queue_ticket;
