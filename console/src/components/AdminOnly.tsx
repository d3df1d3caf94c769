import { PageTitle } from './PageTitle';

/** An admin screen as a non-admin sees it when the API refuses its data (403 `admin_only`). */
export function AdminOnly({ title }: { title: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <div role="alert" className="alert">
        Only an admin may see this page.
      </div>
    </>
  );
}
