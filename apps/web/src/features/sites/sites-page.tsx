// Placeholder until this page is built (issue 4).
export function SitesPage() {
  return <h1 className="text-2xl font-bold">SitesPage</h1>;
}
