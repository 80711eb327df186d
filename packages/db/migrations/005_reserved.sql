-- Placeholder on the indicators branch only: number 005 belongs to 督办 (issue 14).
-- The runner refuses gaps, so this keeps 006 in sequence; drop this file when 005 is merged.
SELECT 1;
