-- CCHC Desktop schema 1: identity and change log (sync.md §5.3), organisation, plans, tasks,
-- milestones, progress, evidence, indicators, office settings.
-- Ids are TEXT (ULID, or UUIDv5 for natural keys): rows are born on different PCs.
-- Every business row is written through the single write path (store/changes.py), which appends
-- one change_log entry per changed field in the same transaction.

-- ---------------------------------------------------------------- identity and clock
CREATE TABLE local_site (
  site_id TEXT PRIMARY KEY,
  network_id TEXT,                       -- NULL until the district creates or joins a network
  role TEXT NOT NULL CHECK (role IN ('district', 'commune', 'province')),
  unit_id TEXT,                          -- the agency this PC reports for (a commune's id)
  display_name TEXT NOT NULL DEFAULT '',
  machine_fp TEXT NOT NULL,
  hlc_wall INTEGER NOT NULL DEFAULT 0,   -- UTC ms
  hlc_ctr INTEGER NOT NULL DEFAULT 0,
  next_seq INTEGER NOT NULL DEFAULT 1,
  next_tx INTEGER NOT NULL DEFAULT 1,
  max_trusted_wall INTEGER,              -- latest district-stamped time seen
  created_at INTEGER NOT NULL
);

CREATE TABLE site (
  site_id TEXT PRIMARY KEY,
  network_id TEXT,
  role TEXT,
  unit_id TEXT,
  display_name TEXT,
  pubkey BLOB,
  cert BLOB,
  cert_serial INTEGER,
  revoked_after_seq INTEGER              -- NULL = not revoked
);

-- ---------------------------------------------------------------- the append-only log
CREATE TABLE change_log (
  origin TEXT NOT NULL,
  seq INTEGER NOT NULL,
  tx_seq INTEGER NOT NULL,               -- fields saved together share a tx
  hlc_wall INTEGER NOT NULL,
  hlc_ctr INTEGER NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT,                            -- canonical JSON; no floats
  author TEXT,
  edited_wall INTEGER,                   -- display only: the PC's wall time
  content_hash BLOB NOT NULL,            -- sha256 of the canonical change, for fork detection
  received_bundle BLOB,
  received_at INTEGER,
  PRIMARY KEY (origin, seq)
) WITHOUT ROWID;

CREATE INDEX change_log_row ON change_log (tbl, row_id, field);

CREATE TABLE change_tx (
  origin TEXT NOT NULL,
  tx_seq INTEGER NOT NULL,
  vv TEXT NOT NULL,                      -- JSON {site_id: contiguous max seq} seen at save time
  PRIMARY KEY (origin, tx_seq)
) WITHOUT ROWID;

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;

CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'change_log is append-only');
END;

CREATE TRIGGER change_tx_no_update BEFORE UPDATE ON change_tx
BEGIN
  SELECT RAISE(ABORT, 'change_tx is append-only');
END;

CREATE TRIGGER change_tx_no_delete BEFORE DELETE ON change_tx
BEGIN
  SELECT RAISE(ABORT, 'change_tx is append-only');
END;

-- ---------------------------------------------------------------- merge state derived from the log
CREATE TABLE field_head (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  origin TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (tbl, row_id, field, origin, seq)
) WITHOUT ROWID;

CREATE TABLE conflict (
  id TEXT PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('same_field', 'edit_vs_delete', 'fork', 'clock_suspect')),
  heads TEXT NOT NULL,                   -- JSON list of [origin, seq]
  opened_at INTEGER,
  closed_by_origin TEXT,
  closed_by_seq INTEGER
);

CREATE TABLE quarantine (
  origin TEXT NOT NULL,
  seq INTEGER NOT NULL,
  reason TEXT NOT NULL,
  raw TEXT,
  bundle_sha256 BLOB,
  at INTEGER,
  PRIMARY KEY (origin, seq, reason)
);

CREATE TABLE origin_progress (
  origin TEXT PRIMARY KEY,
  contiguous_max INTEGER NOT NULL,
  gaps TEXT
);

-- ---------------------------------------------------------------- exchange bookkeeping
CREATE TABLE peer (
  site_id TEXT PRIMARY KEY,
  their_vv TEXT,
  last_bundle_seq_in INTEGER,
  last_bundle_seq_out INTEGER,
  clock_offset_ms INTEGER,
  last_import_at INTEGER
);

CREATE TABLE bundle_log (
  sha256 BLOB PRIMARY KEY,
  direction TEXT,
  peer TEXT,
  bundle_seq INTEGER,
  file_name TEXT,
  created_wall INTEGER,
  processed_at INTEGER,
  n_new INTEGER,
  n_dup INTEGER,
  n_conflict INTEGER,
  n_quarantined INTEGER,
  status TEXT,
  message TEXT
);

CREATE TABLE blob (
  sha256 TEXT PRIMARY KEY,               -- hex; the file lives at <data>/evidence/<aa>/<sha256>
  size INTEGER NOT NULL,
  mime TEXT,
  first_seen INTEGER
);

-- ---------------------------------------------------------------- organisation
CREATE TABLE agency (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('province', 'district', 'commune', 'department', 'office', 'external')),
  parent_id TEXT REFERENCES agency (id),
  needs_review INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE agency_alias (
  id TEXT PRIMARY KEY,                   -- uuid5 of the alias key
  agency_id TEXT NOT NULL REFERENCES agency (id),
  alias TEXT NOT NULL,                   -- as written in a document
  alias_key TEXT NOT NULL,               -- folded form used for matching
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX agency_alias_key ON agency_alias (alias_key);

-- ---------------------------------------------------------------- plans
CREATE TABLE plan (
  id TEXT PRIMARY KEY,
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  unit_id TEXT REFERENCES agency (id),   -- the unit whose plan this is
  decision_number TEXT NOT NULL DEFAULT '',
  decision_date TEXT,                    -- ISO date
  decision_title TEXT NOT NULL DEFAULT '',
  issuing_body TEXT NOT NULL DEFAULT '',
  signer_name TEXT NOT NULL DEFAULT '',
  signer_position TEXT NOT NULL DEFAULT '',
  signer_prefix TEXT NOT NULL DEFAULT '',
  appendix_title TEXT NOT NULL DEFAULT '',
  appendix_subtitle TEXT NOT NULL DEFAULT '',
  source_name TEXT NOT NULL DEFAULT '',
  source_sha256 TEXT NOT NULL DEFAULT '',
  warnings TEXT NOT NULL DEFAULT '[]',   -- JSON list of import warnings for the clerk
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX plan_year ON plan (year);

-- Parts, items and paragraphs of the plan text, and the decision's own paragraphs.
CREATE TABLE plan_node (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES plan (id),
  parent_id TEXT REFERENCES plan_node (id),
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('decision', 'part', 'item', 'paragraph')),
  number TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX plan_node_parent ON plan_node (plan_id, parent_id, ord);

CREATE TABLE appendix (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES plan (id),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  lead_agency TEXT NOT NULL DEFAULT '',
  heading TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX appendix_plan ON appendix (plan_id, number);

CREATE TABLE task (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES plan (id),
  appendix_id TEXT NOT NULL REFERENCES appendix (id),
  no TEXT NOT NULL,
  ord INTEGER NOT NULL,
  title TEXT NOT NULL,
  products TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
  agencies_text TEXT NOT NULL DEFAULT '',
  timeline TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  needs_review INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX task_appendix ON task (appendix_id, ord);
CREATE INDEX task_plan ON task (plan_id);

CREATE TABLE task_agency (
  id TEXT PRIMARY KEY,                   -- uuid5(task, agency, role)
  task_id TEXT NOT NULL REFERENCES task (id),
  agency_id TEXT NOT NULL REFERENCES agency (id),
  written_name TEXT NOT NULL DEFAULT '', -- the spelling in the plan's cell
  role TEXT NOT NULL CHECK (role IN ('lead', 'coordinating', 'summarising', 'implementing')),
  ord INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX task_agency_task ON task_agency (task_id, ord);
CREATE INDEX task_agency_agency ON task_agency (agency_id);

CREATE TABLE milestone (
  id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL REFERENCES task (id),
  ord INTEGER NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  due TEXT,                              -- ISO date, the last permissible day
  period TEXT,
  source TEXT NOT NULL DEFAULT '',
  warning TEXT NOT NULL DEFAULT '',
  confirmed INTEGER NOT NULL DEFAULT 0,  -- a clerk confirmed or overrode it
  overridden INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX milestone_task ON milestone (task_id, ord);
CREATE INDEX milestone_due ON milestone (due);

-- ---------------------------------------------------------------- progress, evidence, indicators
CREATE TABLE progress (
  id TEXT PRIMARY KEY,                   -- uuid5(task, unit, year, period)
  task_id TEXT NOT NULL REFERENCES task (id),
  unit_id TEXT NOT NULL REFERENCES agency (id),
  year INTEGER NOT NULL,
  period TEXT NOT NULL CHECK (period IN ('Q1', 'H1', 'Q3', 'Y')),
  state TEXT NOT NULL DEFAULT 'not_started'
    CHECK (state IN ('not_started', 'in_progress', 'done', 'not_applicable')),
  percent INTEGER CHECK (percent IS NULL OR (percent BETWEEN 0 AND 100)),
  result TEXT NOT NULL DEFAULT '',
  completed_on TEXT,                     -- ISO date
  district_review TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX progress_task ON progress (task_id, year, period);
CREATE INDEX progress_unit ON progress (unit_id, year, period);

CREATE TABLE evidence (
  id TEXT PRIMARY KEY,
  progress_id TEXT NOT NULL REFERENCES progress (id),
  unit_id TEXT NOT NULL REFERENCES agency (id),
  sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL,
  size INTEGER NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX evidence_progress ON evidence (progress_id);

CREATE TABLE indicator (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES plan (id),
  ord INTEGER NOT NULL,
  title TEXT NOT NULL,
  unit TEXT NOT NULL DEFAULT '%',        -- "%", "kỳ/tháng", "xã"
  target TEXT NOT NULL,                  -- decimal as text
  comparator TEXT NOT NULL DEFAULT '>=' CHECK (comparator IN ('>=', '=', '<=')),
  source_text TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX indicator_plan ON indicator (plan_id, ord);

CREATE TABLE indicator_value (
  id TEXT PRIMARY KEY,                   -- uuid5(indicator, unit, year, period)
  indicator_id TEXT NOT NULL REFERENCES indicator (id),
  unit_id TEXT NOT NULL REFERENCES agency (id),
  year INTEGER NOT NULL,
  period TEXT NOT NULL CHECK (period IN ('Q1', 'H1', 'Q3', 'Y')),
  value TEXT,                            -- decimal as text
  note TEXT NOT NULL DEFAULT '',
  approved INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX indicator_value_indicator ON indicator_value (indicator_id, year, period);

-- ---------------------------------------------------------------- office settings and registers
CREATE TABLE setting (
  id TEXT PRIMARY KEY,                   -- the setting's key
  value TEXT,                            -- JSON
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE day_off (
  id TEXT PRIMARY KEY,                   -- the ISO date
  name TEXT NOT NULL DEFAULT '',
  working INTEGER NOT NULL DEFAULT 0,    -- 1: a make-up working day instead of a day off
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE document_register (
  id TEXT PRIMARY KEY,
  unit_id TEXT REFERENCES agency (id),
  doc_type TEXT NOT NULL,                -- "BC", "KH", ...
  year INTEGER NOT NULL,
  number INTEGER NOT NULL,
  symbol TEXT NOT NULL DEFAULT '',       -- "BC-UBND"
  issued_on TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  pdf_sha256 TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX document_register_type ON document_register (doc_type, year, number);
