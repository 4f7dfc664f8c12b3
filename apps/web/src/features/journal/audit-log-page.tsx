// Placeholder until this page is built (issue 4).
export function AuditLogPage() {
  return <h1 className="text-2xl font-bold">AuditLogPage</h1>;
}
