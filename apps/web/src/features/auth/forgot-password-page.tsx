// Placeholder until this page is built (issue 4).
export function ForgotPasswordPage() {
  return <h1 className="text-2xl font-bold">ForgotPasswordPage</h1>;
}
