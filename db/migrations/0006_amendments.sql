-- CCHC Desktop schema 6: decisions that amend a plan ("điều chỉnh, bổ sung Kế hoạch ..."), and
-- the reference a task keeps to the amendment that added, changed or cancelled it.
-- Amendments are district-owned rows like the plan itself and sync the same way. The columns
-- naming an amendment carry no foreign key: rows of one save may be written in any order.

CREATE TABLE amendment (
  id TEXT PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES plan (id),
  number TEXT NOT NULL,                  -- "125/QĐ-UBND"
  decision_date TEXT NOT NULL,           -- ISO date
  signer_name TEXT NOT NULL DEFAULT '',
  signer_position TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX amendment_plan ON amendment (plan_id, decision_date);

-- The amendment under which changes to the plan's tasks are recorded now (NULL: none).
ALTER TABLE plan ADD COLUMN current_amendment TEXT;

ALTER TABLE task ADD COLUMN added_by TEXT;      -- NULL: in the plan as issued
ALTER TABLE task ADD COLUMN amendment_id TEXT;  -- behind the latest change
ALTER TABLE task ADD COLUMN cancelled_by TEXT;  -- NULL: in force
