-- Amtsdesk local store, schema 11 (issue 11): larger caches for the identity columns that take many rows at once.
-- H2 writes a sequence's new upper bound to the file each time its cache of values runs out (32 by default), and
-- with WRITE_DELAY=0 every such write is a store of its own: an initial sync of 4,000 events spent about a seventh
-- of its time there (JFR). A crash only skips the unused rest of a cache: stream_order gets a gap, which is
-- harmless (V1: order, not density, matters), and values are never handed out twice.
ALTER TABLE events ALTER COLUMN stream_order SET CACHE 4096;
ALTER TABLE case_audit ALTER COLUMN seq SET CACHE 4096;
ALTER TABLE search_document ALTER COLUMN doc_id SET CACHE 4096;
