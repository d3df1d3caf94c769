import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, body, cursorOf, generalError, isAdminOnly } from '../api';
import { AdminOnly } from '../components/AdminOnly';
import { Money } from '../components/Money';
import { Pager } from '../components/Pager';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { SelectField } from '../components/SelectField';
import { TableRegion } from '../components/TableRegion';
import { TextField } from '../components/TextField';
import { keys } from '../keys';
import { ADMIN } from '../paths';
import { useDebounced } from '../useDebounced';

const PAGE_SIZE = 20;
const STATES = [
  { value: 'true', label: 'On sale' },
  { value: 'false', label: 'Archived' },
  { value: 'all', label: 'All' },
] as const;
type State = (typeof STATES)[number]['value'];

/** The catalogue: items on sale, archived or both, searched by SKU or name, a page at a time. */
export function CataloguePage() {
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<State>('true');
  const [cursor, setCursor] = useState<string | undefined>();
  const settled = useDebounced(search.trim());
  const filters = { search: settled || undefined, active, cursor };
  const page = useQuery({
    queryKey: keys.itemList(filters),
    queryFn: () =>
      body(api.GET('/api/v2/items/', { params: { query: { limit: PAGE_SIZE, count: false, ...filters } } })),
    placeholderData: keepPreviousData,
  });
  const items = page.data?.results ?? [];

  if (isAdminOnly(page.error)) return <AdminOnly title="Catalogue" />;
  return (
    <>
      <PageTitle>Catalogue</PageTitle>
      <p>
        <Link className="button" href={`${ADMIN.catalogue}/new`}>
          New item
        </Link>
      </p>
      <search className="filters">
        <TextField
          id="item-search"
          label="Search items"
          type="search"
          value={search}
          onChange={(value) => {
            setSearch(value);
            setCursor(undefined);
          }}
          help="Part of a SKU or a name."
        />
        <SelectField
          id="item-state"
          label="Show"
          value={active}
          onChange={(value) => {
            setActive(value);
            setCursor(undefined);
          }}
          options={STATES}
        />
      </search>
      <ProblemAlert message={generalError(page.error)} />
      {page.isSuccess && items.length === 0 && <p>No items{settled ? ` match “${settled}”` : ''}.</p>}
      {items.length > 0 && (
        <TableRegion label="Items list" busy={page.isPlaceholderData}>
          <table>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Name</th>
                <th scope="col" className="number">
                  Unit price
                </th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{item.sku}</td>
                  <td>
                    <Link href={`${ADMIN.catalogue}/${item.id}`}>{item.name}</Link>
                  </td>
                  <td className="number">
                    <Money amount={item.unit_price} currency={item.currency} />
                  </td>
                  <td>{item.active ? 'On sale' : 'Archived'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pager
        label="Item pages"
        hasPrevious={Boolean(page.data?.previous)}
        hasNext={Boolean(page.data?.next)}
        onPrevious={() => setCursor(cursorOf(page.data?.previous))}
        onNext={() => setCursor(cursorOf(page.data?.next))}
      />
    </>
  );
}
