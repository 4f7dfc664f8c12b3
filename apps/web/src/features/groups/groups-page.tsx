// Placeholder until this page is built (issue 4).
export function GroupsPage() {
  return <h1 className="text-2xl font-bold">GroupsPage</h1>;
}
