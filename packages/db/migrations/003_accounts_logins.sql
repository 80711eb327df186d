-- Login limits kept in the database (so they hold across server processes) and the audit trail of
-- account management.

-- One row per counted key: 'i:<ip>' (one address, any name), 'n:<name>' (one name, any address) and
-- 'p:<name>|<ip>' (one name from one address). A login attempt is counted here in one statement before
-- its password is hashed; docs/login-policy.md says what each key limits.
CREATE TABLE login_limits (
  key              text PRIMARY KEY,
  window_start     timestamptz NOT NULL,
  attempts         integer NOT NULL CHECK (attempts >= 0),
  -- 'n:' rows: an attempt past the free ones must wait until here; granted_attempt is the attempt
  -- number that took the last free slot, so the winner of a race can tell it won.
  next_at          timestamptz,
  granted_attempt  integer,
  -- 'p:' rows: the last time this name signed in from this address (a known address skips the
  -- per-name delay, so guesses from elsewhere cannot slow its owner there).
  last_success_at  timestamptz
);
CREATE INDEX login_limits_window_idx ON login_limits (window_start);

-- Every change an admin (or the command line) makes to an account. Append-only like status_events.
CREATE TABLE account_events (
  id          bigserial PRIMARY KEY,
  happened_at timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  account     text NOT NULL,
  action      text NOT NULL CONSTRAINT account_events_action_check
                CHECK (action IN ('create', 'role', 'password', 'disable', 'enable', 'end_sessions')),
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX account_events_account_idx ON account_events (account, id);

CREATE FUNCTION account_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'account_events is append-only';
END
$$;
CREATE TRIGGER account_events_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON account_events
  FOR EACH STATEMENT EXECUTE FUNCTION account_events_append_only();
