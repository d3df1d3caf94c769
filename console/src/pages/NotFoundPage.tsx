import { Link } from 'wouter';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <p>
        There is no such page in the console. <Link href="/orders">See the orders</Link>.
      </p>
    </>
  );
}
