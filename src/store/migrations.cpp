// The schema history. Append new migrations; never edit one that has shipped.
#include "migrations.hpp"

#include "sqlite_statement.hpp"

#include <iterator>
#include <string>

namespace salesdojo::store::detail {
namespace {

// Times are Unix milliseconds (UTC); seeds are uint64 stored bit-for-bit as int64.
const char* const kMigrations[] = {
    // 1: trainees, attempts with decisions and dimension scores, saved runs, a key-value meta table.
    R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE trainees (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_ms INTEGER NOT NULL
);

CREATE TABLE attempts (
    id               INTEGER PRIMARY KEY,
    trainee_id       INTEGER NOT NULL REFERENCES trainees(id) ON DELETE CASCADE,
    scenario_id      TEXT NOT NULL,
    scenario_version TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    language         TEXT NOT NULL,
    mode             TEXT NOT NULL,
    seed             INTEGER NOT NULL,
    started_ms       INTEGER NOT NULL,
    ended_ms         INTEGER NOT NULL,
    finished         INTEGER NOT NULL,
    ending_node      TEXT NOT NULL,
    outcome          TEXT NOT NULL,
    weighted_total   REAL NOT NULL,
    overall          REAL NOT NULL,
    accuracy         REAL,
    passed           INTEGER,
    decision_count   INTEGER NOT NULL,
    dimension_count  INTEGER NOT NULL
);
-- Covers the history list: one trainee's attempts are one contiguous range of this index.
CREATE INDEX attempts_history ON attempts (trainee_id, ended_ms, id, scenario_id, scenario_version, mode,
                                          overall, accuracy, passed);
CREATE INDEX attempts_by_scenario ON attempts (scenario_id, trainee_id);

CREATE TABLE decisions (
    attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    node_id    TEXT NOT NULL,
    choice_id  TEXT NOT NULL,
    verdict    TEXT NOT NULL,
    loss       REAL NOT NULL,
    counted    INTEGER NOT NULL,
    seconds    REAL,
    PRIMARY KEY (attempt_id, position)
) WITHOUT ROWID;

-- Clustered by trainee: the history's plot reads one contiguous range, already in attempt order.
CREATE TABLE dimension_scores (
    trainee_id   INTEGER NOT NULL,
    attempt_id   INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    dimension_id TEXT NOT NULL,
    raw_total    INTEGER NOT NULL,
    score        REAL NOT NULL,
    PRIMARY KEY (trainee_id, attempt_id, position)
) WITHOUT ROWID;

CREATE TABLE saved_runs (
    trainee_id       INTEGER NOT NULL REFERENCES trainees(id) ON DELETE CASCADE,
    scenario_id      TEXT NOT NULL,
    scenario_version TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    language         TEXT NOT NULL,
    mode             TEXT NOT NULL,
    seed             INTEGER NOT NULL,
    started_ms       INTEGER NOT NULL,
    updated_ms       INTEGER NOT NULL,
    choice_ids       TEXT NOT NULL,
    seconds          TEXT NOT NULL,
    PRIMARY KEY (trainee_id, scenario_id)
) WITHOUT ROWID;
)sql",

    // 2: a stable identity per attempt (docs/export.md): a random UUID, kept through exports, so that
    // a class report can tell the same attempt exported twice from two different attempts. Attempts
    // stored before get one now.
    R"sql(
ALTER TABLE attempts ADD COLUMN uid TEXT;
UPDATE attempts SET uid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
                          substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||
                          substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
    WHERE uid IS NULL;
CREATE UNIQUE INDEX attempts_by_uid ON attempts (uid);
)sql",
    // 3: first, best and latest attempt per trainee and scenario, kept by a trigger on every insert,
    // so that the history screen reads one row per scenario instead of every attempt (docs/results.md).
    // Attempts stored before are summarised now. Attempts are never deleted but with their trainee,
    // whose rows go with it.
    R"sql(
CREATE TABLE scenario_progress (
    trainee_id     INTEGER NOT NULL REFERENCES trainees(id) ON DELETE CASCADE,
    scenario_id    TEXT NOT NULL,
    attempts       INTEGER NOT NULL,
    first_id       INTEGER NOT NULL,
    first_ms       INTEGER NOT NULL,
    first_overall  REAL NOT NULL,
    best_id        INTEGER NOT NULL,
    best_ms        INTEGER NOT NULL,
    best_overall   REAL NOT NULL,
    latest_id      INTEGER NOT NULL,
    latest_ms      INTEGER NOT NULL,
    latest_overall REAL NOT NULL,
    PRIMARY KEY (trainee_id, scenario_id)
) WITHOUT ROWID;

INSERT INTO scenario_progress
    SELECT trainee_id, scenario_id, count(*), 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM attempts GROUP BY trainee_id, scenario_id;
UPDATE scenario_progress SET
    (first_id, first_ms, first_overall) = (
        SELECT id, ended_ms, overall FROM attempts a
        WHERE a.trainee_id = scenario_progress.trainee_id AND a.scenario_id = scenario_progress.scenario_id
        ORDER BY ended_ms, id LIMIT 1),
    (best_id, best_ms, best_overall) = (
        SELECT id, ended_ms, overall FROM attempts a
        WHERE a.trainee_id = scenario_progress.trainee_id AND a.scenario_id = scenario_progress.scenario_id
        ORDER BY overall DESC, ended_ms, id LIMIT 1),
    (latest_id, latest_ms, latest_overall) = (
        SELECT id, ended_ms, overall FROM attempts a
        WHERE a.trainee_id = scenario_progress.trainee_id AND a.scenario_id = scenario_progress.scenario_id
        ORDER BY ended_ms DESC, id DESC LIMIT 1);

CREATE TRIGGER scenario_progress_after_insert AFTER INSERT ON attempts BEGIN
    INSERT INTO scenario_progress VALUES (NEW.trainee_id, NEW.scenario_id, 1, NEW.id, NEW.ended_ms, NEW.overall,
                                          NEW.id, NEW.ended_ms, NEW.overall, NEW.id, NEW.ended_ms, NEW.overall)
    ON CONFLICT (trainee_id, scenario_id) DO UPDATE SET
        attempts = attempts + 1,
        (first_id, first_ms, first_overall) = (
            SELECT iif(earlier, NEW.id, first_id), iif(earlier, NEW.ended_ms, first_ms), iif(earlier, NEW.overall, first_overall)
            FROM (SELECT (NEW.ended_ms, NEW.id) < (first_ms, first_id) AS earlier)),
        (best_id, best_ms, best_overall) = (
            SELECT iif(better, NEW.id, best_id), iif(better, NEW.ended_ms, best_ms), iif(better, NEW.overall, best_overall)
            FROM (SELECT NEW.overall > best_overall OR (NEW.overall = best_overall AND (NEW.ended_ms, NEW.id) < (best_ms, best_id)) AS better)),
        (latest_id, latest_ms, latest_overall) = (
            SELECT iif(later, NEW.id, latest_id), iif(later, NEW.ended_ms, latest_ms), iif(later, NEW.overall, latest_overall)
            FROM (SELECT (NEW.ended_ms, NEW.id) > (latest_ms, latest_id) AS later));
END;
)sql",

    // 4: attempts whose xAPI statements are owed to the outbox (docs/xapi.md, "Nothing lost between
    // the database and the outbox"): a row is written in the attempt's own transaction and removed
    // once the statements are in the outbox, so a program killed in between leaves the row, and the
    // next program writes them.
    R"sql(
CREATE TABLE xapi_owed (
    attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE
);
)sql",

    // 5: class runs (docs/classroom.md): each group run's class log as JSON (class_log_to_json), with
    // the columns a list of classes needs beside it.
    R"sql(
CREATE TABLE class_runs (
    id               INTEGER PRIMARY KEY,
    uid              TEXT NOT NULL UNIQUE,
    scenario_id      TEXT NOT NULL,
    scenario_version TEXT NOT NULL,
    content_hash     TEXT NOT NULL,
    language         TEXT NOT NULL,
    started_ms       INTEGER NOT NULL,
    ended_ms         INTEGER NOT NULL,
    finished         INTEGER NOT NULL,
    ending_node      TEXT NOT NULL,
    decision_count   INTEGER NOT NULL,
    log_json         TEXT NOT NULL
);
CREATE INDEX class_runs_by_scenario ON class_runs (scenario_id, started_ms);
)sql",

    // 6: the hints a practice run asked for (the window's H), kept with a saved run so that a resumed
    // run's debrief still lists them: a JSON array of 0-based decision numbers.
    R"sql(
ALTER TABLE saved_runs ADD COLUMN hints TEXT NOT NULL DEFAULT '[]';
)sql",
};

int user_version(sqlite3* db) {
    Statement query(db, "PRAGMA user_version");
    query.step();
    return static_cast<int>(query.int64(0));
}

}  // namespace

int migration_count() { return static_cast<int>(std::size(kMigrations)); }

void migrate(sqlite3* db) {
    const int latest = migration_count();
    int version = user_version(db);
    if (version > latest) {
        const char* file = sqlite3_db_filename(db, "main");
        throw StoreError("results database " + std::string(file ? file : "") + " was written by a newer SalesDojo (schema " +
                         std::to_string(version) + "; this one knows up to " + std::to_string(latest) + ")",
                         StoreProblem::Newer);
    }
    while (version < latest) {
        Transaction transaction(db);
        // Another process may have migrated between our read and our write lock: read again.
        version = user_version(db);
        if (version >= latest) break;
        execute(db, kMigrations[version]);
        execute(db, ("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
        transaction.commit();
        ++version;
    }
}

}  // namespace salesdojo::store::detail
