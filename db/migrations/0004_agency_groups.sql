-- CCHC Desktop schema 4: agency groups. A generic phrase of a plan ("các cơ quan có liên quan",
-- "UBND các xã, thị trấn", "các phòng chuyên môn") is a group of agencies, not an agency: it is
-- kept (the task names it) but never counts as a reporting unit nor waits for confirmation.
ALTER TABLE agency ADD COLUMN is_group INTEGER NOT NULL DEFAULT 0;
