-- Placeholder on the indicators branch only: number 004 belongs to the workbench (issue 13).
-- The runner refuses gaps, so this keeps 006 in sequence; drop this file when 004 is merged.
SELECT 1;
