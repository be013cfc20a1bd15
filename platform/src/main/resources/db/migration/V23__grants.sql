-- Small grants: programmes an officer runs, applications from verified groups with budget lines, scores against
-- weighted criteria by officers or a resident panel, decisions with reasons and the awards made (360Giving).
-- Groups are kept by id only (the Groups service answers for them); a programme handed to residents keeps the ids of
-- the budget process and pot it made through the budgets service.

CREATE TABLE grant_programmes (
    id            BIGSERIAL PRIMARY KEY,
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description   TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
    currency      TEXT NOT NULL DEFAULT 'GBP' CHECK (currency ~ '^[A-Z]{3}$'),
    pot           BIGINT NOT NULL CHECK (pot > 0),
    min_award     BIGINT NOT NULL CHECK (min_award > 0),
    max_award     BIGINT NOT NULL CHECK (max_award >= min_award),
    place_id      BIGINT NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
    themes        TEXT[] NOT NULL DEFAULT '{}',
    opens_on      DATE NOT NULL,
    closes_on     DATE NOT NULL CHECK (closes_on >= opens_on),
    decisions_by  DATE NOT NULL CHECK (decisions_by >= closes_on),
    budget_process_id BIGINT,
    budget_pot_id     BIGINT,
    created_by    BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE grant_criteria (
    id            BIGSERIAL PRIMARY KEY,
    programme_id  BIGINT NOT NULL REFERENCES grant_programmes(id) ON DELETE CASCADE,
    position      INT NOT NULL,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    weight        INT NOT NULL CHECK (weight BETWEEN 1 AND 100),
    guidance      TEXT NOT NULL DEFAULT '',
    UNIQUE (programme_id, position)
);

-- Residents the officer appoints to score the applications.
CREATE TABLE grant_panel (
    programme_id  BIGINT NOT NULL REFERENCES grant_programmes(id) ON DELETE CASCADE,
    account_id    BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    appointed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (programme_id, account_id)
);

CREATE TABLE grant_applications (
    id             BIGSERIAL PRIMARY KEY,
    programme_id   BIGINT NOT NULL REFERENCES grant_programmes(id) ON DELETE CASCADE,
    group_id       BIGINT NOT NULL,
    applicant_id   BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    title          TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 140),
    amount         BIGINT NOT NULL CHECK (amount > 0),
    purpose        TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 5000),
    outcomes       TEXT NOT NULL CHECK (length(outcomes) BETWEEN 1 AND 5000),
    status         TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'submitted', 'with_residents', 'awarded', 'declined')),
    submitted_at   TIMESTAMPTZ,
    decision_reason TEXT,
    decided_at     TIMESTAMPTZ,
    amount_awarded BIGINT CHECK (amount_awarded IS NULL OR amount_awarded > 0),
    awarded_on     DATE,
    proposal_id    BIGINT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((status = 'awarded') = (amount_awarded IS NOT NULL AND awarded_on IS NOT NULL))
);
CREATE INDEX grant_applications_programme ON grant_applications (programme_id, status);
CREATE INDEX grant_applications_group ON grant_applications (group_id);

CREATE TABLE grant_budget_lines (
    application_id BIGINT NOT NULL REFERENCES grant_applications(id) ON DELETE CASCADE,
    position       INT NOT NULL,
    item           TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 200),
    amount         BIGINT NOT NULL CHECK (amount > 0),
    PRIMARY KEY (application_id, position)
);

CREATE TABLE grant_scores (
    application_id BIGINT NOT NULL REFERENCES grant_applications(id) ON DELETE CASCADE,
    criterion_id   BIGINT NOT NULL REFERENCES grant_criteria(id) ON DELETE CASCADE,
    scorer_id      BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    score          INT NOT NULL CHECK (score BETWEEN 0 AND 5),
    comment        TEXT NOT NULL DEFAULT '',
    scored_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (application_id, criterion_id, scorer_id)
);

-- A scorer's declared conflict of interest: they may not score the application.
CREATE TABLE grant_conflicts (
    application_id BIGINT NOT NULL REFERENCES grant_applications(id) ON DELETE CASCADE,
    account_id     BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    declared_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (application_id, account_id)
);
