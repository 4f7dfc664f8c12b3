// Placeholder until this page is built (issue 4).
export function ResetPasswordPage() {
  return <h1 className="text-2xl font-bold">ResetPasswordPage</h1>;
}
