// Placeholder until this page is built (issue 4).
export function AccountPage() {
  return <h1 className="text-2xl font-bold">AccountPage</h1>;
}
