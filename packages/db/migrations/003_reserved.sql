-- Placeholder on the workbench branch only: number 003 belongs to accounts/login (issue 11b).
-- The runner refuses gaps, so this keeps 004 in sequence; drop this file when 003 is merged.
SELECT 1;
