-- Sign-in accounts of officers, their sign-in sessions, and the log of who read what. These are
-- not custody facts (a password hash has no place in the chained record), so they live beside it.

CREATE TABLE accounts (
  account       TEXT PRIMARY KEY,
  officer_id    TEXT NOT NULL REFERENCES officers(id),
  roles         TEXT NOT NULL,             -- JSON array of desk / operator / supervisor / admin
  password_hash TEXT NOT NULL,             -- scrypt$N$r$p$salt$hash (hex)
  failed_count  INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

CREATE TABLE auth_sessions (
  token_hash TEXT PRIMARY KEY,             -- sha256 of the cookie value; the value itself is never stored
  account    TEXT NOT NULL REFERENCES accounts(account),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE access_log (
  id      INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  account TEXT NOT NULL,
  action  TEXT NOT NULL,                   -- e.g. person, timeline, form, export, login, login_failed
  target  TEXT,
  address TEXT
);
CREATE INDEX access_log_at ON access_log(at);
