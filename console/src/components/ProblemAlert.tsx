/** What went wrong, as the API said it; announced at once (role=alert). */
export function ProblemAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert">
      {message}
    </div>
  );
}
