-- How many approvals wait for a person (ADR 0014), shown with the project: the projector keeps it from the project's
-- state (ProjectState.awaitingApprovals). For the projects already here: the planner decides a waiting item once and
-- appends nothing for any other decision, so what waits is what was requested less what was decided, and nothing waits
-- for a project that ended; a rebuild gives the same numbers.
ALTER TABLE projects ADD COLUMN awaiting_approvals INT NOT NULL DEFAULT 0;
UPDATE projects p SET awaiting_approvals = (
    SELECT count(*) FILTER (WHERE e.type = 'aios.events.v1.ApprovalRequested')
         - count(*) FILTER (WHERE e.type IN ('aios.events.v1.ApprovalGranted', 'aios.events.v1.ApprovalRejected'))
    FROM events e WHERE e.stream_id = 'project-' || p.project_id)
WHERE p.status NOT IN ('DELIVERED', 'STOPPED', 'FAILED');
