// Placeholder until this page is built (issue 4).
export function LoginEventsPage() {
  return <h1 className="text-2xl font-bold">LoginEventsPage</h1>;
}
