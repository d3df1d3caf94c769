import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, body, generalError, isAdminOnly } from '../api';
import { AdminOnly } from '../components/AdminOnly';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { SelectField } from '../components/SelectField';
import { TableRegion } from '../components/TableRegion';
import { keys } from '../keys';

const PERIODS = [
  { value: '1', label: 'Today' },
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
] as const;
type Period = (typeof PERIODS)[number]['value'];

/** Who still calls a deprecated API version (v1), per caller and UTC day, as the API counts it: whom to move. */
export function VersionUsagePage() {
  const [days, setDays] = useState<Period>('30');
  const filters = { days: Number(days) };
  const usage = useQuery({
    queryKey: keys.versionUsage(filters),
    queryFn: () => body(api.GET('/api/v2/admin/version-usage/', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
  const rows = usage.data?.results ?? [];

  if (isAdminOnly(usage.error)) return <AdminOnly title="API versions" />;
  return (
    <>
      <PageTitle>API versions</PageTitle>
      <p>
        Calls to a deprecated version of the API, by caller and day (UTC), newest day first. Ask these callers
        to move to API v2.
      </p>
      <search className="filters">
        <SelectField id="usage-days" label="Period" value={days} onChange={setDays} options={PERIODS} />
      </search>
      <ProblemAlert message={generalError(usage.error)} />
      {usage.isSuccess && rows.length === 0 && <p>No calls to a deprecated version in this period.</p>}
      {rows.length > 0 && (
        <TableRegion label="Deprecated version calls">
          <table>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Version</th>
                <th scope="col">Caller</th>
                <th scope="col" className="number">
                  Calls
                </th>
                <th scope="col">Last route</th>
                <th scope="col">Last call</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.version} ${row.day} ${row.caller}`}>
                  <td>{row.day}</td>
                  <td>{row.version}</td>
                  <td>{row.user ? row.user.email : row.caller.replace(/^ip:/, 'Address ')}</td>
                  <td className="number">{row.requests}</td>
                  <td>
                    <code>{row.last_path}</code>
                  </td>
                  <td>{new Date(row.last_seen_at).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
