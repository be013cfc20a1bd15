-- Who may vote online in a pot: anyone who says they live in its area (what every pot did before), verified residents,
-- people on the pot's voter register, or verified residents on the register.
ALTER TABLE budget_pots ADD COLUMN voters TEXT NOT NULL DEFAULT 'declared'
    CHECK (voters IN ('declared', 'verified', 'register', 'verified-register'));
