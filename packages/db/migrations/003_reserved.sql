-- Placeholder on the indicators branch only: number 003 belongs to accounts/login (issue 11b).
-- The runner refuses gaps, so this keeps 006 in sequence; drop this file when 003 is merged.
SELECT 1;
