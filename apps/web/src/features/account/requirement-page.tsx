// Placeholder until this page is built (issue 4).
export function RequirementPage() {
  return <h1 className="text-2xl font-bold">RequirementPage</h1>;
}
