-- Scaffolder tasks and their events. Secrets are never written here: the spec holds masked parameters and the
-- events are checked free of secrets before they are recorded.
CREATE TABLE scaffolder_tasks (
    id TEXT NOT NULL PRIMARY KEY,
    spec TEXT NOT NULL,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_heartbeat_at INTEGER
);
CREATE INDEX scaffolder_tasks_status ON scaffolder_tasks (status, created_at);
CREATE INDEX scaffolder_tasks_created ON scaffolder_tasks (created_at);

CREATE TABLE scaffolder_task_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL REFERENCES scaffolder_tasks (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX scaffolder_task_events_task ON scaffolder_task_events (task_id, id);
