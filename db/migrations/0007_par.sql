-- CCHC Desktop schema 7: the year-end PAR index (Chỉ số CCHC) self-assessment.
-- The criteria set (areas → criteria → sub-criteria with maxima) belongs to the office above
-- (the hub); a unit's self scores and the evidence it links belong to that unit; the appraised
-- score and comment on a unit's row belong to the hub.

-- One criteria set per year and level (uuid5 of year and level).
CREATE TABLE par_set (
  id TEXT PRIMARY KEY,
  year INTEGER NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('commune', 'department')),
  title TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',       -- the file it was imported from
  total TEXT NOT NULL DEFAULT '100',     -- the stated total; decimal as text
  deleted INTEGER NOT NULL DEFAULT 0
);

-- A node of the tree: an area (lĩnh vực), a criterion (tiêu chí) or a sub-criterion.
CREATE TABLE par_criterion (
  id TEXT PRIMARY KEY,                   -- uuid5(set, code)
  set_id TEXT NOT NULL REFERENCES par_set (id),
  parent_id TEXT,                        -- NULL for an area
  ord INTEGER NOT NULL,
  code TEXT NOT NULL,                    -- "2.1.3": position in the tree
  stt TEXT NOT NULL DEFAULT '',          -- the STT as written ("II", "1.2", "a")
  title TEXT NOT NULL,
  max_score TEXT,                        -- decimal as text
  rule TEXT NOT NULL DEFAULT '',         -- how it is scored, as written
  evidence_required TEXT NOT NULL DEFAULT '',
  self_assessed INTEGER NOT NULL DEFAULT 1,  -- 0: scored by the survey, not by the unit
  step TEXT NOT NULL DEFAULT '0.5',      -- the smallest score difference the rule allows
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX par_criterion_set ON par_criterion (set_id, ord);

-- A unit's score on a criterion: self score and note (the unit), appraisal (the hub).
CREATE TABLE par_score (
  id TEXT PRIMARY KEY,                   -- uuid5(criterion, unit)
  criterion_id TEXT NOT NULL REFERENCES par_criterion (id),
  unit_id TEXT NOT NULL REFERENCES agency (id),
  score TEXT,                            -- decimal as text
  note TEXT NOT NULL DEFAULT '',
  appraised_score TEXT,
  appraisal_note TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX par_score_criterion ON par_score (criterion_id, unit_id);

-- Evidence for a criterion: a link to what was recorded during the year (a progress row, an
-- evidence file of a task, an issued document of the register) or a file stored by SHA-256.
CREATE TABLE par_evidence (
  id TEXT PRIMARY KEY,                   -- uuid5(criterion, unit, kind, ref or sha256)
  criterion_id TEXT NOT NULL REFERENCES par_criterion (id),
  unit_id TEXT NOT NULL REFERENCES agency (id),
  kind TEXT NOT NULL CHECK (kind IN ('progress', 'evidence', 'document', 'file')),
  ref_id TEXT,
  sha256 TEXT,
  file_name TEXT NOT NULL DEFAULT '',
  size INTEGER,
  caption TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX par_evidence_criterion ON par_evidence (criterion_id, unit_id);
