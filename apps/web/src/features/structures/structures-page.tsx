// Placeholder until this page is built (issue 4).
export function StructuresPage() {
  return <h1 className="text-2xl font-bold">StructuresPage</h1>;
}
