-- ADR 0040: a project belongs to the tenant and subject of the token that submitted it. Projects submitted before
-- tenants existed belong to the tenant 'default' and to the subject 'api' (what their events recorded).
ALTER TABLE projects ADD COLUMN tenant TEXT NOT NULL DEFAULT 'default';
ALTER TABLE projects ADD COLUMN submitted_by TEXT NOT NULL DEFAULT 'api';
ALTER TABLE projects ALTER COLUMN tenant DROP DEFAULT;
ALTER TABLE projects ALTER COLUMN submitted_by DROP DEFAULT;
CREATE INDEX projects_tenant_order ON projects (tenant, submit_position);
