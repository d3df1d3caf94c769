import { PageTitle } from '../components/PageTitle';

/** The admin screens' place in the console; until they are built, the API's own documentation does the job. */
export function AdminPendingPage({ title }: { title: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <p>
        This screen is not in the console yet. Use the API (<a href="/api/v2/swagger-docs/">Swagger UI</a>) or
        the <code>orderly</code> command line meanwhile.
      </p>
    </>
  );
}
