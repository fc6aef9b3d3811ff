-- CCHC Desktop schema 2: USB sync (sync.md §5.2, §5.7, §5.8): the network this PC belongs to,
-- sealed log segments, changes waiting for their attachment, and bookkeeping columns.

-- The network (one per district, kept across years). One row once this PC has created or
-- joined a network; the root public key is pinned here, the root private key never is.
CREATE TABLE network (
  network_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  district_code TEXT NOT NULL,
  root_pubkey BLOB NOT NULL,
  root_fp TEXT NOT NULL,
  district_site TEXT,                    -- the district PC that commune bundles go to
  next_cert_serial INTEGER NOT NULL DEFAULT 1,
  joined_at INTEGER NOT NULL
);

-- A contiguous range of one origin's changes, sealed and signed once by that origin and relayed
-- unchanged. The bytes are rebuilt from change_log/change_tx; the hashes prove they match.
CREATE TABLE segment (
  origin TEXT NOT NULL,
  lo INTEGER NOT NULL,
  hi INTEGER NOT NULL,
  n_changes INTEGER NOT NULL,
  n_tx INTEGER NOT NULL,
  jsonl_sha256 TEXT NOT NULL,
  tx_sha256 TEXT NOT NULL,
  sig BLOB NOT NULL,
  sealed_at INTEGER,
  PRIMARY KEY (origin, lo, hi)
) WITHOUT ROWID;

-- A change that references an attachment not received yet: it is stored and merged, but the
-- origin's contiguous prefix stops before it, so the sender sends it again with the file.
CREATE TABLE missing_blob (
  origin TEXT NOT NULL,
  seq INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (origin, seq)
) WITHOUT ROWID;

CREATE INDEX missing_blob_sha ON missing_blob (sha256);

CREATE INDEX conflict_open ON conflict (tbl, row_id, field) WHERE closed_by_seq IS NULL;

ALTER TABLE conflict ADD COLUMN detail TEXT;

ALTER TABLE local_site ADD COLUMN blocked_reason TEXT;

ALTER TABLE local_site ADD COLUMN next_bundle_seq INTEGER NOT NULL DEFAULT 1;

ALTER TABLE local_site ADD COLUMN requested_unit TEXT;

ALTER TABLE site ADD COLUMN revocation BLOB;

ALTER TABLE site ADD COLUMN enrolled_at INTEGER;

ALTER TABLE peer ADD COLUMN last_created_wall INTEGER;
