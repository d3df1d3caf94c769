import { useQuery } from '@tanstack/react-query';
import { Link, Redirect, Route, Switch, useRoute } from 'wouter';
import { meQuery, signInOptions } from './api';
import { Announcer } from './components/Announcer';
import { keys } from './keys';
import { CataloguePage } from './pages/CataloguePage';
import { CustomerPage } from './pages/CustomerPage';
import { CustomersPage } from './pages/CustomersPage';
import { ItemPage } from './pages/ItemPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrderPage } from './pages/OrderPage';
import { OrdersPage } from './pages/OrdersPage';
import { PlaceOrderPage } from './pages/PlaceOrderPage';
import { SignInPage } from './pages/SignInPage';
import { TokensPage } from './pages/TokensPage';
import { UsersPage } from './pages/UsersPage';
import { VersionUsagePage } from './pages/VersionUsagePage';
import { WebhookDeliveriesPage } from './pages/WebhookDeliveriesPage';
import { WebhookPage } from './pages/WebhookPage';
import { WebhooksPage } from './pages/WebhooksPage';
import { ADMIN, BASE, SIGN_IN } from './paths';

const STAFF_LINKS = [
  { href: '/customers', label: 'Customers' },
  { href: '/orders', label: 'Orders' },
  { href: '/orders/new', label: 'Place order' },
] as const;

/**
 * Screens for admins only: the navigation and the router offer them when GET /api/v2/me/ says `role: admin`
 * (anyone else gets the not-found page), and each page says so when the API refuses its data all the same.
 */
const ADMIN_LINKS = [
  { href: ADMIN.catalogue, label: 'Catalogue' },
  { href: ADMIN.users, label: 'Users' },
  { href: ADMIN.tokens, label: 'API tokens' },
  { href: ADMIN.versions, label: 'API versions' },
  { href: ADMIN.webhooks, label: 'Webhooks' },
] as const;

function NavLink({ href, label }: { href: string; label: string }) {
  const [current] = useRoute(href);
  return (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
}

/** Header (who is signed in, navigation, sign out), then the page. */
function Shell() {
  const me = useQuery(meQuery);
  const signIn = useQuery({
    queryKey: keys.signIn,
    queryFn: signInOptions,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const admin = me.data?.role === 'admin';
  // Pages load their data alongside the caller's, not after it; only an admin page waits to know the role.
  const [onAdminPage] = useRoute('/admin/*');
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <p className="brand">Orderly</p>
        <nav aria-label="Main">
          <ul>
            {STAFF_LINKS.map((link) => (
              <NavLink key={link.href} {...link} />
            ))}
            {admin && ADMIN_LINKS.map((link) => <NavLink key={link.href} {...link} />)}
          </ul>
        </nav>
        <div className="account">
          {me.data && (
            <p>
              <span className="email">{me.data.email}</span> <span className="role">({me.data.role})</span>
            </p>
          )}
          {signIn.data && (
            <form
              method="post"
              action={`${signIn.data.sign_out}?next=${encodeURIComponent(`${BASE}${SIGN_IN}`)}`}
            >
              <button type="submit">Sign out</button>
            </form>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {me.isError ? (
          <p role="status">Could not load your account.</p>
        ) : onAdminPage && !me.data ? (
          <p role="status">Loading…</p>
        ) : (
          <Switch>
            <Route path="/">
              <Redirect to="/orders/new" replace />
            </Route>
            <Route path="/customers" component={CustomersPage} />
            <Route path="/customers/new">
              <CustomerPage />
            </Route>
            <Route path="/customers/:id">{(params) => <CustomerPage id={Number(params.id)} />}</Route>
            <Route path="/orders" component={OrdersPage} />
            <Route path="/orders/new" component={PlaceOrderPage} />
            <Route path="/orders/:id">{(params) => <OrderPage id={Number(params.id)} me={me.data} />}</Route>
            {admin && (
              <>
                <Route path={ADMIN.catalogue} component={CataloguePage} />
                <Route path={`${ADMIN.catalogue}/new`}>
                  <ItemPage />
                </Route>
                <Route path={`${ADMIN.catalogue}/:id`}>
                  {(params) => <ItemPage id={Number(params.id)} />}
                </Route>
                <Route path={ADMIN.users} component={UsersPage} />
                <Route path={ADMIN.tokens} component={TokensPage} />
                <Route path={ADMIN.versions} component={VersionUsagePage} />
                <Route path={ADMIN.webhooks} component={WebhooksPage} />
                <Route path={`${ADMIN.webhooks}/:id`}>
                  {(params) => <WebhookPage id={Number(params.id)} />}
                </Route>
                <Route path={`${ADMIN.webhooks}/:id/deliveries`}>
                  {(params) => <WebhookDeliveriesPage id={Number(params.id)} />}
                </Route>
              </>
            )}
            <Route component={NotFoundPage} />
          </Switch>
        )}
      </main>
    </>
  );
}

export function App() {
  return (
    <Announcer>
      <Switch>
        <Route path={SIGN_IN} component={SignInPage} />
        <Route component={Shell} />
      </Switch>
    </Announcer>
  );
}
