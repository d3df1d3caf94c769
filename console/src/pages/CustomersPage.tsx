import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, body, cursorOf, generalError } from '../api';
import { Pager } from '../components/Pager';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { TableRegion } from '../components/TableRegion';
import { TextField } from '../components/TextField';
import { keys } from '../keys';
import { useDebounced } from '../useDebounced';

const PAGE_SIZE = 20;

/** The caller's customers (an admin's: everyone's), searched as one types, a page at a time. */
export function CustomersPage() {
  const [search, setSearch] = useState('');
  const [cursor, setCursor] = useState<string | undefined>();
  const settled = useDebounced(search.trim());
  const filters = { search: settled || undefined, cursor };
  const page = useQuery({
    queryKey: keys.customerList(filters),
    queryFn: () =>
      body(
        api.GET('/api/v2/customers/', { params: { query: { limit: PAGE_SIZE, count: false, ...filters } } }),
      ),
    placeholderData: keepPreviousData,
  });
  const customers = page.data?.results ?? [];

  return (
    <>
      <PageTitle>Customers</PageTitle>
      <p>
        <Link className="button" href="/customers/new">
          New customer
        </Link>
      </p>
      <search>
        <TextField
          id="customer-search"
          label="Search customers"
          type="search"
          value={search}
          onChange={(value) => {
            setSearch(value);
            setCursor(undefined);
          }}
          help="Part of a name, a code or a phone number."
        />
      </search>
      <ProblemAlert message={generalError(page.error)} />
      {page.isSuccess && customers.length === 0 && <p>No customers{settled ? ` match “${settled}”` : ''}.</p>}
      {customers.length > 0 && (
        <TableRegion label="Customers list" busy={page.isPlaceholderData}>
          <table>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Name</th>
                <th scope="col">Phone</th>
              </tr>
            </thead>
            <tbody>
              {customers.map((customer) => (
                <tr key={customer.id}>
                  <td>{customer.code}</td>
                  <td>
                    <Link href={`/customers/${customer.id}`}>{customer.name}</Link>
                  </td>
                  <td>{customer.phone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pager
        label="Customer pages"
        hasPrevious={Boolean(page.data?.previous)}
        hasNext={Boolean(page.data?.next)}
        onPrevious={() => setCursor(cursorOf(page.data?.previous))}
        onNext={() => setCursor(cursorOf(page.data?.next))}
      />
    </>
  );
}
