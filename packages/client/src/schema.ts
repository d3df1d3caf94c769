/**
 * Generated from docs/openapi.v2.json by openapi-typescript (scripts/client-schema.ts, run by `npm run build`).
 * Do not edit: change the API, run `npm run openapi`, then `npm run build`.
 */

export interface paths {
    "/api/v2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Links to every resource and to the documentation */
        get: operations["apiRoot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/me/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: who they are and how they authenticated */
        get: operations["me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List customers
         * @description By id unless `ordering` says otherwise. Staff see their own customers; admins see all and may filter by `owner`. A keyset page: follow `next` and `previous` (also in the `Link` header).
         */
        get: operations["listCustomers"];
        put?: never;
        /**
         * Create a customer
         * @description The caller owns the new customer. A missing `code` is generated.
         */
        post: operations["createCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/customers/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a customer */
        get: operations["getCustomer"];
        /**
         * Replace a customer
         * @description Every writable field is required. Read-only fields may be sent back unchanged.
         */
        put: operations["replaceCustomer"];
        post?: never;
        /**
         * Delete a customer without orders
         * @description A customer who has orders is kept: 409 `customer_has_orders` with the count.
         */
        delete: operations["deleteCustomer"];
        options?: never;
        head?: never;
        /**
         * Change some fields of a customer
         * @description JSON merge patch (RFC 7396). Read-only fields may be sent back unchanged.
         */
        patch: operations["updateCustomer"];
        trace?: never;
    };
    "/api/v2/items/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List catalogue items
         * @description The business’s catalogue, the same for every signed-in user. Archived items (`active: false`) are left out unless `active=false` or `active=all`. Sorted by name, then id, unless `ordering` says otherwise. A keyset page: follow `next` and `previous` (also in the `Link` header).
         */
        get: operations["listItems"];
        put?: never;
        /**
         * Add an item to the catalogue
         * @description Admins only: anyone else gets 403 `admin_only`. A SKU another item has, in any case, is 409 `sku_taken`.
         */
        post: operations["createItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/items/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a catalogue item
         * @description Archived items too.
         */
        get: operations["getItem"];
        /**
         * Replace a catalogue item
         * @description Admins only: anyone else gets 403 `admin_only`. Every writable field is required (`description` may be null). Orders placed already keep the name, price and currency they copied. Read-only fields may be sent back unchanged.
         */
        put: operations["replaceItem"];
        post?: never;
        /**
         * Delete a catalogue item no order names
         * @description Admins only: anyone else gets 403 `admin_only`. An item that orders name stays: 409 `item_in_use` with their `order_count`; archive it instead (`active: false`).
         */
        delete: operations["deleteItem"];
        options?: never;
        head?: never;
        /**
         * Change some fields of a catalogue item
         * @description Admins only: anyone else gets 403 `admin_only`. JSON merge patch (RFC 7396); `active: false` archives the item. Orders placed already keep the name, price and currency they copied. Read-only fields may be sent back unchanged.
         */
        patch: operations["updateItem"];
        trace?: never;
    };
    "/api/v2/orders/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders
         * @description Newest first by default. Staff see their own orders; admins see all and may filter by `owner`. A keyset page: follow `next` and `previous` (also in the `Link` header); deep pages cost what the first does.
         */
        get: operations["listOrders"];
        put?: never;
        /**
         * Place an order
         * @description For a customer the caller can see, named by `customer`, `customer_code` or both; of a catalogue item (`item`), whose name, price and currency it copies (`unit_price` overrides the price), or of an item as free text (`item_name`) priced by `unit_price` in `currency` (default: the server’s DEFAULT_CURRENCY). An archived item is 409 `item_archived`; an unknown one 404.
         */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/orders/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an order */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        /**
         * Delete a Pending or Cancelled order
         * @description A Closed order is a completed sale and stays on the books: 409 `order_final`. SMS of the order not yet sent are cancelled (status `cancelled`); those sent stay listed under `/notifications/`.
         */
        delete: operations["deleteOrder"];
        options?: never;
        head?: never;
        /**
         * Change some fields of an order (JSON merge patch)
         * @description Only Pending orders change. Close or cancel with the actions. An order keeps its catalogue item (`item`, sent back as its id or null) and the name it took from it. Read-only fields may be sent back unchanged.
         */
        patch: operations["updateOrder"];
        trace?: never;
    };
    "/api/v2/orders/{id}/close/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a Pending order
         * @description Pending → Closed. Any other current status is 409 `invalid_transition`.
         */
        post: operations["closeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/orders/{id}/cancel/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a Pending order
         * @description Pending → Cancelled. Any other current status is 409 `invalid_transition`.
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/orders/{id}/notifications/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the notifications of an order
         * @description Newest first, a keyset page like every v2 list.
         */
        get: operations["listOrderNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/notifications/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List notifications
         * @description Newest first. Staff see the notifications of their own orders; admins see all. A keyset page: follow `next` and `previous` (also in the `Link` header).
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/notifications/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a notification */
        get: operations["getNotification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/notifications/{id}/retry/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a failed or unknown notification again (admins)
         * @description Puts it back in the queue with fresh attempts. A notification whose outcome is `unknown` may reach the customer twice.
         */
        post: operations["retryNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/webhooks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. Newest first, disabled ones too; never their secrets. A keyset page: follow `next` and `previous` (also in the `Link` header).
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register a webhook endpoint (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. From now on every event of the types in `events` is POSTed to `url`, signed as Standard Webhooks specifies. The body holds the signing secret (`secret`), shown in this response only: the server keeps it encrypted (AES-256-GCM; it must sign with it, so a hash would not do) and never shows it again. `Idempotency-Key` is not supported here: a stored response would keep the secret.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/webhooks/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook endpoint (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. Never its secret.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. Its deliveries stop at once, those waiting for a retry included, and their record goes with it. To stop deliveries for a while instead, set `enabled: false`.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /**
         * Change some fields of a webhook endpoint (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. JSON merge patch (RFC 7396). `enabled: true` enables an endpoint the dispatcher disabled (410 Gone, or failing for too long), clearing `disabled_reason` and `failing_since`; deliveries that failed meanwhile are not sent again (retry them one by one).
         */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/v2/webhooks/{id}/rotate-secret/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a webhook endpoint a new signing secret (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. Deliveries are signed with the new secret at once and, until `previous_secret_expires_at` (`WEBHOOK_ROTATION_OVERLAP_HOURS` from now), with the previous one too: `webhook-signature` then carries two `v1,` signatures, so the receiver can switch to the new secret in its own time. Rotating again within the overlap ends the older secret’s at once. No body. The body holds the signing secret (`secret`), shown in this response only: the server keeps it encrypted (AES-256-GCM; it must sign with it, so a hash would not do) and never shows it again. `Idempotency-Key` is not supported here: a stored response would keep the secret.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/webhooks/{id}/test/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event to a webhook endpoint (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. A `webhook.test` event, signed like any other, to this endpoint only, enabled or not and whatever its `events`: `data` names the endpoint. It is never retried and never counts toward disabling the endpoint. Sent now, while the request waits (up to `WEBHOOK_TIMEOUT_MS`), to the checked address of the URL: the answer holds the attempt with the receiver’s status, the first kilobyte of its answer, or the error. `Idempotency-Key` is not supported here: the request would hold a database transaction open while the receiver answers. No body.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/webhooks/{id}/deliveries/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the deliveries of a webhook endpoint (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. One delivery per event sent to this endpoint, newest first, each with its attempts: status code, duration, error and the first kilobyte of the answer. A keyset page: follow `next` and `previous` (also in the `Link` header).
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/webhooks/deliveries/{id}/retry/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attempt a webhook delivery again now (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. One more attempt, whatever the delivery’s status (a succeeded one is sent again), with the same `webhook-id`, so a receiver that deduplicates ignores a delivery it already has. A failure is retried on the usual schedule while attempts remain. While a dispatcher is attempting it: 409 `delivery_in_progress`. Sent now, while the request waits (up to `WEBHOOK_TIMEOUT_MS`), to the checked address of the URL: the answer holds the attempt with the receiver’s status, the first kilobyte of its answer, or the error. `Idempotency-Key` is not supported here: the request would hold a database transaction open while the receiver answers. No body.
         */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/admin/version-usage/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who calls deprecated API versions (admins)
         * @description Per caller (user, or client address when unauthenticated) and UTC day: calls, the last route called and when. Counted from the deprecation date on. Instances write their counts every few seconds; this one writes its own before answering.
         */
        get: operations["listVersionUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/admin/users/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. Every user, disabled ones too, by id; filter by `role`, `disabled` and `search`. A keyset page: follow `next` and `previous` (also in the `Link` header).
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/admin/users/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. Disabled users too.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Disable or enable a user (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. JSON merge patch (RFC 7396). `disabled: true` refuses every credential of the user from then on (403 `account_disabled`): at once on the instance that answers, on the others within moments; `disabled: false` accepts them again. An admin cannot disable themselves (409 `cannot_disable_self`), so that an admin is always left. Read-only fields may be sent back unchanged.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v2/admin/tokens/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API tokens (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. Every token, expired and revoked ones too, by id; `user` narrows to one user's. Never the tokens themselves: the server keeps only their hashes. A keyset page: follow `next` and `previous` (also in the `Link` header).
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create an API token for a user (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. Answers the token with its secret in `token`: shown in this response only (the server keeps its hash), so show it to the person who asked and never log it. An unknown `user` is 404 `not_found` naming the field, as an order for an unknown customer is; an `expires_at` not in the future is 400. `Idempotency-Key` is not supported here: a stored response would keep the secret.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/admin/tokens/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an API token (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. Never the token itself.
         */
        get: operations["getToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/admin/tokens/{id}/revoke/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API token (admins)
         * @description Admins only: anyone else gets 403 `admin_only`. The token is refused (401 `invalid_token`) from then on: at once on the instance that answers, on the others within moments. Revoking a revoked token changes nothing and answers the same `revoked_at`. No body.
         */
        post: operations["revokeToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "order.placed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `order.placed` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["orderPlacedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `order.updated` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["orderUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `order.closed` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["orderClosedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `order.cancelled` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["orderCancelledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `order.deleted` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["orderDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `customer.created` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["customerCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `customer.updated` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["customerUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `customer.deleted` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["customerDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "item.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `item.created` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["itemCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "item.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `item.updated` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["itemUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "item.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `item.deleted` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["itemDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notification.delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `notification.delivered` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["notificationDeliveredWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "notification.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The `notification.failed` event
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["notificationFailedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A test event, sent by `POST /api/v2/webhooks/{id}/test/` only
         * @description POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` (10 s by default), then do the work: anything else is retried with exponential back-off and jitter (`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. Redirects are not followed.
         */
        post: operations["webhookTestWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @example {
         *       "type": "https://api.example.com/problems/not_found",
         *       "title": "Not found",
         *       "status": 404,
         *       "detail": "Customer 42 was not found.",
         *       "instance": "/api/v1/customers/42/",
         *       "error": "not_found",
         *       "message": "Customer 42 was not found.",
         *       "request_id": "5f0c6f9e-3b1d-4c2a-9a53-0c7e2f1f2b7d",
         *       "timestamp": "2026-11-25T14:00:00.000Z"
         *     }
         */
        Problem: {
            /** @description URI of the documentation of this kind of problem. */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description The request path; `urn:uuid:` and the request id when the connection was refused before a request was read. */
            instance: string;
            /**
             * @description Stable machine code.
             * @enum {unknown}
             */
            error: "validation_error" | "invalid_json" | "body_too_complex" | "malformed_request" | "read_only_field" | "unsafe_redirect" | "invalid_cursor" | "unauthorized" | "invalid_token" | "session_expired" | "invalid_login_state" | "login_failed" | "email_not_verified" | "domain_not_allowed" | "account_not_linked" | "account_disabled" | "csrf_failed" | "admin_only" | "not_found" | "oidc_disabled" | "method_not_allowed" | "not_acceptable" | "request_timeout" | "conflict" | "cannot_disable_self" | "invalid_transition" | "order_final" | "customer_has_orders" | "sku_taken" | "item_in_use" | "item_archived" | "not_retryable" | "delivery_in_progress" | "idempotency_key_in_use" | "version_sunset" | "precondition_failed" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "idempotency_key_mismatch" | "precondition_required" | "rate_limited" | "headers_too_large" | "internal_error" | "service_unavailable" | "oidc_unavailable" | "database_unavailable" | "database_timeout";
            /** @description Same as `detail`. */
            message: string;
            /** @description For `validation_error`, every failing field; otherwise facts about the conflict. */
            details?: {
                /** @description The failing input: a body field, query or path parameter. */
                field: string;
                /** @description Machine code of the failure, e.g. `required`, `max_length`. */
                code: string;
                message: string;
            }[] | {
                [key: string]: unknown;
            };
            request_id: string;
            /** Format: date-time */
            timestamp: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    apiRoot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uri
                         * @description The caller.
                         */
                        me: string;
                        /**
                         * Format: uri
                         * @description Customers.
                         */
                        customers: string;
                        /**
                         * Format: uri
                         * @description The catalogue.
                         */
                        items: string;
                        /**
                         * Format: uri
                         * @description Orders.
                         */
                        orders: string;
                        /**
                         * Format: uri
                         * @description SMS notifications of order events.
                         */
                        notifications: string;
                        /**
                         * Format: uri
                         * @description The OpenAPI 3.1 document of v2.
                         */
                        schema: string;
                        /**
                         * Format: uri
                         * @description Redoc.
                         */
                        docs: string;
                        /**
                         * Format: uri
                         * @description Swagger UI.
                         */
                        swagger_docs: string;
                        /** @description How a browser signs in and out (the paths are v1’s). */
                        sign_in: {
                            /**
                             * Format: uri
                             * @description POST an API token here (JSON, from a page of this site) to open a browser session.
                             */
                            token_login: string;
                            /** @description Sign-in with OpenID Connect; null when the server has none configured. */
                            provider: {
                                /**
                                 * @description The provider as people know it.
                                 * @example Google
                                 */
                                name: string;
                                /**
                                 * Format: uri
                                 * @description Open in the browser, with `?next=<path on this site>`, to sign in with the provider.
                                 */
                                url: string;
                            } | null;
                            /**
                             * Format: uri
                             * @description POST here (a form, with `?next=<path on this site>`) to end the browser session.
                             */
                            sign_out: string;
                        };
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: uri
                         * @description Absolute URL of this resource.
                         */
                        url: string;
                        /** @description User id (the `owner` of what they create). */
                        id: number;
                        /** Format: email */
                        email: string;
                        /** @enum {unknown} */
                        role: "admin" | "staff";
                        /**
                         * @description How this request authenticated: API token, browser session, or a provider JWT / opaque token.
                         * @enum {unknown}
                         */
                        auth_method: "api_token" | "session" | "oidc_jwt" | "oidc_userinfo";
                        /** @description The browser session, when the request used it. */
                        session: {
                            /** Format: date-time */
                            expires_at: string;
                            /** @description Send it as X-CSRF-Token on requests that change data with the session cookie. */
                            csrf_token: string;
                        } | null;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCustomers: {
        parameters: {
            query: {
                /** @description Page size, 1 to 100. */
                limit: number;
                /** @description Opaque: where the page starts, as given in `next` or `previous` (never built by hand). It holds for this caller, this list and its filters and ordering: an edited cursor, or one used by another caller or with other filters or ordering, is 400 `invalid_cursor`. `limit` and `count` may change between pages. */
                cursor?: string;
                /** @description `true` adds `count`, the number of rows matching the filters across all pages (one more query). */
                count: boolean;
                /**
                 * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                 * @example AB12C
                 */
                code?: string;
                /** @description Case-insensitive match in names, code or phone. */
                search?: string;
                /** @description Admins: only rows owned by this user id. For staff it can only narrow their own rows. */
                owner?: number;
                /**
                 * @description Comma-separated, "-" for descending: id, first_name, second_name, code, created_at, updated_at. Default: id.
                 * @example -created_at
                 */
                ordering?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            /** @description Read-only. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Read-only: absolute URL of this customer.
                             */
                            url: string;
                            /**
                             * @description Read-only: first and second name, as an order shows its customer.
                             * @example Amina Otieno
                             */
                            name: string;
                            /**
                             * @description Trimmed; any script.
                             * @example Amina
                             */
                            first_name: string;
                            /**
                             * @description Trimmed; any script.
                             * @example Otieno
                             */
                            second_name: string;
                            /**
                             * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                             * @example AB12C
                             */
                            code: string;
                            /**
                             * @description International number with its country code; stored in E.164 form.
                             * @example +254712345678
                             */
                            phone: string;
                            /** @description Read-only: id of the user who owns the customer. */
                            owner: number;
                            /**
                             * Format: date-time
                             * @description Read-only.
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description Read-only.
                             */
                            updated_at: string;
                        }[];
                        /** @description The next page, or null on the last one. The `Link` header carries it too (`rel="next"`). */
                        next: string | null;
                        /** @description The previous page, or null on the first one (`Link`: `rel="prev"`). */
                        previous: string | null;
                        /** @description With `count=true`: rows matching the filters, across all pages. */
                        count?: number;
                    };
                    "application/ld+json": {
                        /**
                         * Format: uri
                         * @description The API's own context: /api/contexts/orderly.jsonld.
                         */
                        "@context": string;
                        /** Format: uri */
                        "@id": string;
                        "@type": string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCustomer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (1–255 printable ASCII characters, e.g. a UUID; bare or quoted) that makes a retry of this request safe: the first outcome, errors included, is stored for `IDEMPOTENCY_TTL_SECONDS` (24 h by default) and replayed to every retry with `Idempotent-Replayed: true`. The same key with a different request is 422; while the first is still running, 409 with `Retry-After`.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "first_name": "Amina",
                 *       "second_name": "Otieno",
                 *       "phone": "+254712345678",
                 *       "code": "AMI01"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description Trimmed; any script.
                     * @example Amina
                     */
                    first_name: string;
                    /**
                     * @description Trimmed; any script.
                     * @example Otieno
                     */
                    second_name: string;
                    /**
                     * @description International number with its country code; stored in E.164 form.
                     * @example +254712345678
                     */
                    phone: string;
                    /**
                     * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers. Generated when omitted.
                     * @example AB12C
                     */
                    code?: string;
                    /** @description Read-only. */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this customer.
                     */
                    url?: string;
                    /** @description Read-only: id of the user who owns the customer. */
                    owner?: number;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    created_at?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    updated_at?: string;
                    /**
                     * @description Read-only: first and second name, as an order shows its customer.
                     * @example Amina Otieno
                     */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this customer.
                         */
                        url: string;
                        /**
                         * @description Read-only: first and second name, as an order shows its customer.
                         * @example Amina Otieno
                         */
                        name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Amina
                         */
                        first_name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Otieno
                         */
                        second_name: string;
                        /**
                         * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                         * @example AB12C
                         */
                        code: string;
                        /**
                         * @description International number with its country code; stored in E.164 form.
                         * @example +254712345678
                         */
                        phone: string;
                        /** @description Read-only: id of the user who owns the customer. */
                        owner: number;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `idempotency_key_mismatch`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this customer.
                         */
                        url: string;
                        /**
                         * @description Read-only: first and second name, as an order shows its customer.
                         * @example Amina Otieno
                         */
                        name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Amina
                         */
                        first_name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Otieno
                         */
                        second_name: string;
                        /**
                         * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                         * @example AB12C
                         */
                        code: string;
                        /**
                         * @description International number with its country code; stored in E.164 form.
                         * @example +254712345678
                         */
                        phone: string;
                        /** @description Read-only: id of the user who owns the customer. */
                        owner: number;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                    };
                    "application/ld+json": {
                        /**
                         * Format: uri
                         * @description The API's own context: /api/contexts/orderly.jsonld.
                         */
                        "@context": string;
                        /** Format: uri */
                        "@id": string;
                        "@type": string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Trimmed; any script.
                     * @example Amina
                     */
                    first_name: string;
                    /**
                     * @description Trimmed; any script.
                     * @example Otieno
                     */
                    second_name: string;
                    /**
                     * @description International number with its country code; stored in E.164 form.
                     * @example +254712345678
                     */
                    phone: string;
                    /**
                     * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                     * @example AB12C
                     */
                    code: string;
                    /** @description Read-only. */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this customer.
                     */
                    url?: string;
                    /** @description Read-only: id of the user who owns the customer. */
                    owner?: number;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    created_at?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    updated_at?: string;
                    /**
                     * @description Read-only: first and second name, as an order shows its customer.
                     * @example Amina Otieno
                     */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this customer.
                         */
                        url: string;
                        /**
                         * @description Read-only: first and second name, as an order shows its customer.
                         * @example Amina Otieno
                         */
                        name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Amina
                         */
                        first_name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Otieno
                         */
                        second_name: string;
                        /**
                         * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                         * @example AB12C
                         */
                        code: string;
                        /**
                         * @description International number with its country code; stored in E.164 form.
                         * @example +254712345678
                         */
                        phone: string;
                        /** @description Read-only: id of the user who owns the customer. */
                        owner: number;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCustomer: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Trimmed; any script.
                     * @example Amina
                     */
                    first_name?: string;
                    /**
                     * @description Trimmed; any script.
                     * @example Otieno
                     */
                    second_name?: string;
                    /**
                     * @description International number with its country code; stored in E.164 form.
                     * @example +254712345678
                     */
                    phone?: string;
                    /**
                     * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                     * @example AB12C
                     */
                    code?: string;
                    /** @description Read-only. */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this customer.
                     */
                    url?: string;
                    /** @description Read-only: id of the user who owns the customer. */
                    owner?: number;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    created_at?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    updated_at?: string;
                    /**
                     * @description Read-only: first and second name, as an order shows its customer.
                     * @example Amina Otieno
                     */
                    name?: string;
                };
                "application/merge-patch+json": {
                    /**
                     * @description Trimmed; any script.
                     * @example Amina
                     */
                    first_name?: string;
                    /**
                     * @description Trimmed; any script.
                     * @example Otieno
                     */
                    second_name?: string;
                    /**
                     * @description International number with its country code; stored in E.164 form.
                     * @example +254712345678
                     */
                    phone?: string;
                    /**
                     * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                     * @example AB12C
                     */
                    code?: string;
                    /** @description Read-only. */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this customer.
                     */
                    url?: string;
                    /** @description Read-only: id of the user who owns the customer. */
                    owner?: number;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    created_at?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    updated_at?: string;
                    /**
                     * @description Read-only: first and second name, as an order shows its customer.
                     * @example Amina Otieno
                     */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this customer.
                         */
                        url: string;
                        /**
                         * @description Read-only: first and second name, as an order shows its customer.
                         * @example Amina Otieno
                         */
                        name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Amina
                         */
                        first_name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Otieno
                         */
                        second_name: string;
                        /**
                         * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                         * @example AB12C
                         */
                        code: string;
                        /**
                         * @description International number with its country code; stored in E.164 form.
                         * @example +254712345678
                         */
                        phone: string;
                        /** @description Read-only: id of the user who owns the customer. */
                        owner: number;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listItems: {
        parameters: {
            query: {
                /** @description Page size, 1 to 100. */
                limit: number;
                /** @description Opaque: where the page starts, as given in `next` or `previous` (never built by hand). It holds for this caller, this list and its filters and ordering: an edited cursor, or one used by another caller or with other filters or ordering, is 400 `invalid_cursor`. `limit` and `count` may change between pages. */
                cursor?: string;
                /** @description `true` adds `count`, the number of rows matching the filters across all pages (one more query). */
                count: boolean;
                /** @description Active items only (`true`, the default), archived ones only (`false`), or both (`all`). */
                active?: "true" | "false" | "all";
                /** @description Case-insensitive match in the SKU or the name. */
                search?: string;
                /**
                 * @description Comma-separated, "-" for descending: id, sku, name, unit_price, created_at, updated_at. Default: name, then id.
                 * @example -unit_price
                 */
                ordering?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            /** @description Read-only. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Read-only: absolute URL of this item.
                             */
                            url: string;
                            /**
                             * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                             * @example MAIZE-2KG
                             */
                            sku: string;
                            /**
                             * @description What orders of the item are called; trimmed.
                             * @example Maize flour 2kg
                             */
                            name: string;
                            /** @description Optional text about the item; null when there is none. */
                            description: string | null;
                            /**
                             * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                             * @example 210.00
                             */
                            unit_price: string;
                            /**
                             * @description ISO 4217 code of `unit_price`.
                             * @example KES
                             */
                            currency: string;
                            /** @description False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered. */
                            active: boolean;
                            /**
                             * Format: date-time
                             * @description Read-only.
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description Read-only.
                             */
                            updated_at: string;
                        }[];
                        /** @description The next page, or null on the last one. The `Link` header carries it too (`rel="next"`). */
                        next: string | null;
                        /** @description The previous page, or null on the first one (`Link`: `rel="prev"`). */
                        previous: string | null;
                        /** @description With `count=true`: rows matching the filters, across all pages. */
                        count?: number;
                    };
                    "application/ld+json": {
                        /**
                         * Format: uri
                         * @description The API's own context: /api/contexts/orderly.jsonld.
                         */
                        "@context": string;
                        /** Format: uri */
                        "@id": string;
                        "@type": string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createItem: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (1–255 printable ASCII characters, e.g. a UUID; bare or quoted) that makes a retry of this request safe: the first outcome, errors included, is stored for `IDEMPOTENCY_TTL_SECONDS` (24 h by default) and replayed to every retry with `Idempotent-Replayed: true`. The same key with a different request is 422; while the first is still running, 409 with `Retry-After`.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sku": "MAIZE-2KG",
                 *       "name": "Maize flour 2kg",
                 *       "unit_price": "210.00",
                 *       "currency": "KES"
                 *     }
                 */
                "application/json": {
                    /**
                     * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                     * @example MAIZE-2KG
                     */
                    sku: string;
                    /**
                     * @description What orders of the item are called; trimmed.
                     * @example Maize flour 2kg
                     */
                    name: string;
                    /** @description Optional text about the item; null when there is none. */
                    description?: string | null;
                    /**
                     * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                     * @example 210.00
                     */
                    unit_price: string;
                    /**
                     * @description ISO 4217 code of `unit_price`. Default: the `DEFAULT_CURRENCY` setting.
                     * @example KES
                     */
                    currency?: string;
                    /** @description Default true. */
                    active?: boolean;
                    /** @description Read-only. */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this item.
                     */
                    url?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    created_at?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    updated_at?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this item.
                         */
                        url: string;
                        /**
                         * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                         * @example MAIZE-2KG
                         */
                        sku: string;
                        /**
                         * @description What orders of the item are called; trimmed.
                         * @example Maize flour 2kg
                         */
                        name: string;
                        /** @description Optional text about the item; null when there is none. */
                        description: string | null;
                        /**
                         * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                         * @example 210.00
                         */
                        unit_price: string;
                        /**
                         * @description ISO 4217 code of `unit_price`.
                         * @example KES
                         */
                        currency: string;
                        /** @description False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered. */
                        active: boolean;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `idempotency_key_mismatch`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this item.
                         */
                        url: string;
                        /**
                         * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                         * @example MAIZE-2KG
                         */
                        sku: string;
                        /**
                         * @description What orders of the item are called; trimmed.
                         * @example Maize flour 2kg
                         */
                        name: string;
                        /** @description Optional text about the item; null when there is none. */
                        description: string | null;
                        /**
                         * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                         * @example 210.00
                         */
                        unit_price: string;
                        /**
                         * @description ISO 4217 code of `unit_price`.
                         * @example KES
                         */
                        currency: string;
                        /** @description False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered. */
                        active: boolean;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                    };
                    "application/ld+json": {
                        /**
                         * Format: uri
                         * @description The API's own context: /api/contexts/orderly.jsonld.
                         */
                        "@context": string;
                        /** Format: uri */
                        "@id": string;
                        "@type": string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                     * @example MAIZE-2KG
                     */
                    sku: string;
                    /**
                     * @description What orders of the item are called; trimmed.
                     * @example Maize flour 2kg
                     */
                    name: string;
                    /** @description Optional text about the item; null when there is none. */
                    description: string | null;
                    /**
                     * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                     * @example 210.00
                     */
                    unit_price: string;
                    /**
                     * @description ISO 4217 code of `unit_price`.
                     * @example KES
                     */
                    currency: string;
                    /** @description False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered. */
                    active: boolean;
                    /** @description Read-only. */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this item.
                     */
                    url?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    created_at?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    updated_at?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this item.
                         */
                        url: string;
                        /**
                         * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                         * @example MAIZE-2KG
                         */
                        sku: string;
                        /**
                         * @description What orders of the item are called; trimmed.
                         * @example Maize flour 2kg
                         */
                        name: string;
                        /** @description Optional text about the item; null when there is none. */
                        description: string | null;
                        /**
                         * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                         * @example 210.00
                         */
                        unit_price: string;
                        /**
                         * @description ISO 4217 code of `unit_price`.
                         * @example KES
                         */
                        currency: string;
                        /** @description False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered. */
                        active: boolean;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateItem: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                     * @example MAIZE-2KG
                     */
                    sku?: string;
                    /**
                     * @description What orders of the item are called; trimmed.
                     * @example Maize flour 2kg
                     */
                    name?: string;
                    /** @description Optional text about the item; null when there is none. */
                    description?: string | null;
                    /**
                     * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                     * @example 210.00
                     */
                    unit_price?: string;
                    /**
                     * @description ISO 4217 code of `unit_price`.
                     * @example KES
                     */
                    currency?: string;
                    /** @description False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered. */
                    active?: boolean;
                    /** @description Read-only. */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this item.
                     */
                    url?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    created_at?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    updated_at?: string;
                };
                "application/merge-patch+json": {
                    /**
                     * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                     * @example MAIZE-2KG
                     */
                    sku?: string;
                    /**
                     * @description What orders of the item are called; trimmed.
                     * @example Maize flour 2kg
                     */
                    name?: string;
                    /** @description Optional text about the item; null when there is none. */
                    description?: string | null;
                    /**
                     * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                     * @example 210.00
                     */
                    unit_price?: string;
                    /**
                     * @description ISO 4217 code of `unit_price`.
                     * @example KES
                     */
                    currency?: string;
                    /** @description False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered. */
                    active?: boolean;
                    /** @description Read-only. */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this item.
                     */
                    url?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    created_at?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    updated_at?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this item.
                         */
                        url: string;
                        /**
                         * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                         * @example MAIZE-2KG
                         */
                        sku: string;
                        /**
                         * @description What orders of the item are called; trimmed.
                         * @example Maize flour 2kg
                         */
                        name: string;
                        /** @description Optional text about the item; null when there is none. */
                        description: string | null;
                        /**
                         * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                         * @example 210.00
                         */
                        unit_price: string;
                        /**
                         * @description ISO 4217 code of `unit_price`.
                         * @example KES
                         */
                        currency: string;
                        /** @description False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered. */
                        active: boolean;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query: {
                /** @description Page size, 1 to 100. */
                limit: number;
                /** @description Opaque: where the page starts, as given in `next` or `previous` (never built by hand). It holds for this caller, this list and its filters and ordering: an edited cursor, or one used by another caller or with other filters or ordering, is 400 `invalid_cursor`. `limit` and `count` may change between pages. */
                cursor?: string;
                /** @description `true` adds `count`, the number of rows matching the filters across all pages (one more query). */
                count: boolean;
                /** @description Pending → Closed | Cancelled; Closed and Cancelled are final. */
                status?: "Pending" | "Closed" | "Cancelled";
                /** @description Id of the customer; must be one the caller can see. */
                customer?: number;
                /**
                 * @description Code of the customer (case-insensitive). On its own it refers to one of the caller’s own customers.
                 * @example AB12C
                 */
                customer_code?: string;
                /** @description Only orders placed at or after this instant (RFC 3339). */
                placed_after?: string;
                /** @description Only orders placed before this instant (RFC 3339). */
                placed_before?: string;
                /** @description Admins: only rows owned by this user id. For staff it can only narrow their own rows. */
                owner?: number;
                /** @description Only orders of this catalogue item. */
                item?: number;
                /**
                 * @description Comma-separated, "-" for descending: placed_at, updated_at, item_name, quantity, unit_price, total, status, id. Default: -placed_at.
                 * @example -total
                 */
                ordering?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            /** @description Read-only. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Read-only: absolute URL of this order.
                             */
                            url: string;
                            /**
                             * Order customer
                             * @description The customer, as it is now.
                             */
                            customer: {
                                /** @description Id of the customer. */
                                id: number;
                                /**
                                 * Format: uri
                                 * @description Absolute URL of the customer.
                                 */
                                url: string;
                                /**
                                 * @description Code of the customer.
                                 * @example AB12C
                                 */
                                code: string;
                                /**
                                 * @description First and second name of the customer.
                                 * @example Amina Otieno
                                 */
                                name: string;
                            };
                            /** @description The catalogue item ordered, or null when the item was given as free text (`item_name`). */
                            item: {
                                /** @description Id of the catalogue item. */
                                id: number;
                                /**
                                 * Format: uri
                                 * @description Absolute URL of the catalogue item.
                                 */
                                url: string;
                                /**
                                 * @description Stock-keeping unit of the item.
                                 * @example MF-2KG
                                 */
                                sku: string;
                                /**
                                 * @description Name of the item in the catalogue now.
                                 * @example Maize flour 2kg
                                 */
                                name: string;
                            } | null;
                            /**
                             * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                             * @example Maize flour 2kg
                             */
                            item_name: string;
                            /**
                             * @description Whole units, 1 to 1,000,000.
                             * @example 3
                             */
                            quantity: number;
                            /**
                             * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                             * @example 12.50
                             */
                            unit_price: string;
                            /**
                             * @description Read-only: quantity × unit_price, exact, in `currency`.
                             * @example 37.50
                             */
                            total: string;
                            /**
                             * @description ISO 4217 code of `unit_price` and `total`.
                             * @example KES
                             */
                            currency: string;
                            /**
                             * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                             * @enum {unknown}
                             */
                            status: "Pending" | "Closed" | "Cancelled";
                            /**
                             * Format: date-time
                             * @description Read-only: set by the server when the order is placed.
                             */
                            placed_at: string;
                            /**
                             * Format: date-time
                             * @description Read-only.
                             */
                            updated_at: string;
                            /** @description Read-only: id of the owner (the owner of the customer). */
                            owner: number;
                        }[];
                        /** @description The next page, or null on the last one. The `Link` header carries it too (`rel="next"`). */
                        next: string | null;
                        /** @description The previous page, or null on the first one (`Link`: `rel="prev"`). */
                        previous: string | null;
                        /** @description With `count=true`: rows matching the filters, across all pages. */
                        count?: number;
                    };
                    "application/ld+json": {
                        /**
                         * Format: uri
                         * @description The API's own context: /api/contexts/orderly.jsonld.
                         */
                        "@context": string;
                        /** Format: uri */
                        "@id": string;
                        "@type": string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (1–255 printable ASCII characters, e.g. a UUID; bare or quoted) that makes a retry of this request safe: the first outcome, errors included, is stored for `IDEMPOTENCY_TTL_SECONDS` (24 h by default) and replayed to every retry with `Idempotent-Replayed: true`. The same key with a different request is 422; while the first is still running, 409 with `Retry-After`.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Give `customer` (id), `customer_code`, or both (they must agree). Name a catalogue item by `item`, or give the item as free text (`item_name`) with its `unit_price` (and `currency`). */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Id of the customer; must be one the caller can see. */
                    customer?: number;
                    /**
                     * @description Code of the customer (case-insensitive). On its own it refers to one of the caller’s own customers.
                     * @example AB12C
                     */
                    customer_code?: string;
                    /** @description Id of a catalogue item (`/api/v2/items/`), active (409 `item_archived` otherwise; 404 if there is none). The order takes its name and currency and, unless `unit_price` is given, its price, as they are now; later changes to the item do not alter the order. */
                    item?: number;
                    /**
                     * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then. Required without `item`; with it, leave it out or send the item’s name exactly (400 `mismatch` otherwise).
                     * @example Maize flour 2kg
                     */
                    item_name?: string;
                    /**
                     * @description Whole units, 1 to 1,000,000.
                     * @example 3
                     */
                    quantity: number;
                    /**
                     * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Required without `item`; with it, replaces the catalogue price for this order.
                     * @example 12.50
                     */
                    unit_price?: string;
                    /**
                     * @description ISO 4217 code of `unit_price` and `total`. Without `item`, default: the server’s DEFAULT_CURRENCY; with it, the item’s: leave it out or send the item’s (400 `mismatch` otherwise).
                     * @example KES
                     */
                    currency?: string;
                    /** @description Read-only. */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this order.
                     */
                    url?: string;
                    /**
                     * @description Read-only: quantity × unit_price, exact, in `currency`.
                     * @example 37.50
                     */
                    total?: string;
                    /**
                     * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                     * @enum {unknown}
                     */
                    status?: "Pending" | "Closed" | "Cancelled";
                    /**
                     * Format: date-time
                     * @description Read-only: set by the server when the order is placed.
                     */
                    placed_at?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    updated_at?: string;
                    /** @description Read-only: id of the owner (the owner of the customer). */
                    owner?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this order.
                         */
                        url: string;
                        /**
                         * Order customer
                         * @description The customer, as it is now.
                         */
                        customer: {
                            /** @description Id of the customer. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the customer.
                             */
                            url: string;
                            /**
                             * @description Code of the customer.
                             * @example AB12C
                             */
                            code: string;
                            /**
                             * @description First and second name of the customer.
                             * @example Amina Otieno
                             */
                            name: string;
                        };
                        /** @description The catalogue item ordered, or null when the item was given as free text (`item_name`). */
                        item: {
                            /** @description Id of the catalogue item. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the catalogue item.
                             */
                            url: string;
                            /**
                             * @description Stock-keeping unit of the item.
                             * @example MF-2KG
                             */
                            sku: string;
                            /**
                             * @description Name of the item in the catalogue now.
                             * @example Maize flour 2kg
                             */
                            name: string;
                        } | null;
                        /**
                         * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                         * @example Maize flour 2kg
                         */
                        item_name: string;
                        /**
                         * @description Whole units, 1 to 1,000,000.
                         * @example 3
                         */
                        quantity: number;
                        /**
                         * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                         * @example 12.50
                         */
                        unit_price: string;
                        /**
                         * @description Read-only: quantity × unit_price, exact, in `currency`.
                         * @example 37.50
                         */
                        total: string;
                        /**
                         * @description ISO 4217 code of `unit_price` and `total`.
                         * @example KES
                         */
                        currency: string;
                        /**
                         * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                         * @enum {unknown}
                         */
                        status: "Pending" | "Closed" | "Cancelled";
                        /**
                         * Format: date-time
                         * @description Read-only: set by the server when the order is placed.
                         */
                        placed_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Read-only: id of the owner (the owner of the customer). */
                        owner: number;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `idempotency_key_mismatch`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this order.
                         */
                        url: string;
                        /**
                         * Order customer
                         * @description The customer, as it is now.
                         */
                        customer: {
                            /** @description Id of the customer. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the customer.
                             */
                            url: string;
                            /**
                             * @description Code of the customer.
                             * @example AB12C
                             */
                            code: string;
                            /**
                             * @description First and second name of the customer.
                             * @example Amina Otieno
                             */
                            name: string;
                        };
                        /** @description The catalogue item ordered, or null when the item was given as free text (`item_name`). */
                        item: {
                            /** @description Id of the catalogue item. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the catalogue item.
                             */
                            url: string;
                            /**
                             * @description Stock-keeping unit of the item.
                             * @example MF-2KG
                             */
                            sku: string;
                            /**
                             * @description Name of the item in the catalogue now.
                             * @example Maize flour 2kg
                             */
                            name: string;
                        } | null;
                        /**
                         * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                         * @example Maize flour 2kg
                         */
                        item_name: string;
                        /**
                         * @description Whole units, 1 to 1,000,000.
                         * @example 3
                         */
                        quantity: number;
                        /**
                         * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                         * @example 12.50
                         */
                        unit_price: string;
                        /**
                         * @description Read-only: quantity × unit_price, exact, in `currency`.
                         * @example 37.50
                         */
                        total: string;
                        /**
                         * @description ISO 4217 code of `unit_price` and `total`.
                         * @example KES
                         */
                        currency: string;
                        /**
                         * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                         * @enum {unknown}
                         */
                        status: "Pending" | "Closed" | "Cancelled";
                        /**
                         * Format: date-time
                         * @description Read-only: set by the server when the order is placed.
                         */
                        placed_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Read-only: id of the owner (the owner of the customer). */
                        owner: number;
                    };
                    "application/ld+json": {
                        /**
                         * Format: uri
                         * @description The API's own context: /api/contexts/orderly.jsonld.
                         */
                        "@context": string;
                        /** Format: uri */
                        "@id": string;
                        "@type": string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        /** @description Only Pending orders change. `customer` is an id here. Close or cancel with the actions, not with `status`. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Id of the customer; must be one the caller can see. */
                    customer?: number;
                    /**
                     * @description Code of the customer (case-insensitive). On its own it refers to one of the caller’s own customers.
                     * @example AB12C
                     */
                    customer_code?: string;
                    /** @description Read-only: the catalogue item is set when the order is placed. Its id (null for free text) may be sent unchanged; another is 400 `read_only_field`. */
                    item?: number | null;
                    /**
                     * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                     * @example Maize flour 2kg
                     */
                    item_name?: string;
                    /**
                     * @description Whole units, 1 to 1,000,000.
                     * @example 3
                     */
                    quantity?: number;
                    /**
                     * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                     * @example 12.50
                     */
                    unit_price?: string;
                    /** @description Read-only. */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this order.
                     */
                    url?: string;
                    /**
                     * @description Read-only: quantity × unit_price, exact, in `currency`.
                     * @example 37.50
                     */
                    total?: string;
                    /**
                     * @description ISO 4217 code of `unit_price` and `total`.
                     * @example KES
                     */
                    currency?: string;
                    /**
                     * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                     * @enum {unknown}
                     */
                    status?: "Pending" | "Closed" | "Cancelled";
                    /**
                     * Format: date-time
                     * @description Read-only: set by the server when the order is placed.
                     */
                    placed_at?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    updated_at?: string;
                    /** @description Read-only: id of the owner (the owner of the customer). */
                    owner?: number;
                };
                "application/merge-patch+json": {
                    /** @description Id of the customer; must be one the caller can see. */
                    customer?: number;
                    /**
                     * @description Code of the customer (case-insensitive). On its own it refers to one of the caller’s own customers.
                     * @example AB12C
                     */
                    customer_code?: string;
                    /** @description Read-only: the catalogue item is set when the order is placed. Its id (null for free text) may be sent unchanged; another is 400 `read_only_field`. */
                    item?: number | null;
                    /**
                     * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                     * @example Maize flour 2kg
                     */
                    item_name?: string;
                    /**
                     * @description Whole units, 1 to 1,000,000.
                     * @example 3
                     */
                    quantity?: number;
                    /**
                     * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                     * @example 12.50
                     */
                    unit_price?: string;
                    /** @description Read-only. */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this order.
                     */
                    url?: string;
                    /**
                     * @description Read-only: quantity × unit_price, exact, in `currency`.
                     * @example 37.50
                     */
                    total?: string;
                    /**
                     * @description ISO 4217 code of `unit_price` and `total`.
                     * @example KES
                     */
                    currency?: string;
                    /**
                     * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                     * @enum {unknown}
                     */
                    status?: "Pending" | "Closed" | "Cancelled";
                    /**
                     * Format: date-time
                     * @description Read-only: set by the server when the order is placed.
                     */
                    placed_at?: string;
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    updated_at?: string;
                    /** @description Read-only: id of the owner (the owner of the customer). */
                    owner?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this order.
                         */
                        url: string;
                        /**
                         * Order customer
                         * @description The customer, as it is now.
                         */
                        customer: {
                            /** @description Id of the customer. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the customer.
                             */
                            url: string;
                            /**
                             * @description Code of the customer.
                             * @example AB12C
                             */
                            code: string;
                            /**
                             * @description First and second name of the customer.
                             * @example Amina Otieno
                             */
                            name: string;
                        };
                        /** @description The catalogue item ordered, or null when the item was given as free text (`item_name`). */
                        item: {
                            /** @description Id of the catalogue item. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the catalogue item.
                             */
                            url: string;
                            /**
                             * @description Stock-keeping unit of the item.
                             * @example MF-2KG
                             */
                            sku: string;
                            /**
                             * @description Name of the item in the catalogue now.
                             * @example Maize flour 2kg
                             */
                            name: string;
                        } | null;
                        /**
                         * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                         * @example Maize flour 2kg
                         */
                        item_name: string;
                        /**
                         * @description Whole units, 1 to 1,000,000.
                         * @example 3
                         */
                        quantity: number;
                        /**
                         * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                         * @example 12.50
                         */
                        unit_price: string;
                        /**
                         * @description Read-only: quantity × unit_price, exact, in `currency`.
                         * @example 37.50
                         */
                        total: string;
                        /**
                         * @description ISO 4217 code of `unit_price` and `total`.
                         * @example KES
                         */
                        currency: string;
                        /**
                         * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                         * @enum {unknown}
                         */
                        status: "Pending" | "Closed" | "Cancelled";
                        /**
                         * Format: date-time
                         * @description Read-only: set by the server when the order is placed.
                         */
                        placed_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Read-only: id of the owner (the owner of the customer). */
                        owner: number;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
                /**
                 * @description A unique key (1–255 printable ASCII characters, e.g. a UUID; bare or quoted) that makes a retry of this request safe: the first outcome, errors included, is stored for `IDEMPOTENCY_TTL_SECONDS` (24 h by default) and replayed to every retry with `Idempotent-Replayed: true`. The same key with a different request is 422; while the first is still running, 409 with `Retry-After`.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "idempotency-key"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this order.
                         */
                        url: string;
                        /**
                         * Order customer
                         * @description The customer, as it is now.
                         */
                        customer: {
                            /** @description Id of the customer. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the customer.
                             */
                            url: string;
                            /**
                             * @description Code of the customer.
                             * @example AB12C
                             */
                            code: string;
                            /**
                             * @description First and second name of the customer.
                             * @example Amina Otieno
                             */
                            name: string;
                        };
                        /** @description The catalogue item ordered, or null when the item was given as free text (`item_name`). */
                        item: {
                            /** @description Id of the catalogue item. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the catalogue item.
                             */
                            url: string;
                            /**
                             * @description Stock-keeping unit of the item.
                             * @example MF-2KG
                             */
                            sku: string;
                            /**
                             * @description Name of the item in the catalogue now.
                             * @example Maize flour 2kg
                             */
                            name: string;
                        } | null;
                        /**
                         * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                         * @example Maize flour 2kg
                         */
                        item_name: string;
                        /**
                         * @description Whole units, 1 to 1,000,000.
                         * @example 3
                         */
                        quantity: number;
                        /**
                         * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                         * @example 12.50
                         */
                        unit_price: string;
                        /**
                         * @description Read-only: quantity × unit_price, exact, in `currency`.
                         * @example 37.50
                         */
                        total: string;
                        /**
                         * @description ISO 4217 code of `unit_price` and `total`.
                         * @example KES
                         */
                        currency: string;
                        /**
                         * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                         * @enum {unknown}
                         */
                        status: "Pending" | "Closed" | "Cancelled";
                        /**
                         * Format: date-time
                         * @description Read-only: set by the server when the order is placed.
                         */
                        placed_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Read-only: id of the owner (the owner of the customer). */
                        owner: number;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `idempotency_key_mismatch`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
                /**
                 * @description A unique key (1–255 printable ASCII characters, e.g. a UUID; bare or quoted) that makes a retry of this request safe: the first outcome, errors included, is stored for `IDEMPOTENCY_TTL_SECONDS` (24 h by default) and replayed to every retry with `Idempotent-Replayed: true`. The same key with a different request is 422; while the first is still running, 409 with `Retry-After`.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "idempotency-key"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this order.
                         */
                        url: string;
                        /**
                         * Order customer
                         * @description The customer, as it is now.
                         */
                        customer: {
                            /** @description Id of the customer. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the customer.
                             */
                            url: string;
                            /**
                             * @description Code of the customer.
                             * @example AB12C
                             */
                            code: string;
                            /**
                             * @description First and second name of the customer.
                             * @example Amina Otieno
                             */
                            name: string;
                        };
                        /** @description The catalogue item ordered, or null when the item was given as free text (`item_name`). */
                        item: {
                            /** @description Id of the catalogue item. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the catalogue item.
                             */
                            url: string;
                            /**
                             * @description Stock-keeping unit of the item.
                             * @example MF-2KG
                             */
                            sku: string;
                            /**
                             * @description Name of the item in the catalogue now.
                             * @example Maize flour 2kg
                             */
                            name: string;
                        } | null;
                        /**
                         * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                         * @example Maize flour 2kg
                         */
                        item_name: string;
                        /**
                         * @description Whole units, 1 to 1,000,000.
                         * @example 3
                         */
                        quantity: number;
                        /**
                         * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                         * @example 12.50
                         */
                        unit_price: string;
                        /**
                         * @description Read-only: quantity × unit_price, exact, in `currency`.
                         * @example 37.50
                         */
                        total: string;
                        /**
                         * @description ISO 4217 code of `unit_price` and `total`.
                         * @example KES
                         */
                        currency: string;
                        /**
                         * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                         * @enum {unknown}
                         */
                        status: "Pending" | "Closed" | "Cancelled";
                        /**
                         * Format: date-time
                         * @description Read-only: set by the server when the order is placed.
                         */
                        placed_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Read-only: id of the owner (the owner of the customer). */
                        owner: number;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `idempotency_key_mismatch`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrderNotifications: {
        parameters: {
            query: {
                /** @description Page size, 1 to 100. */
                limit: number;
                /** @description Opaque: where the page starts, as given in `next` or `previous` (never built by hand). It holds for this caller, this list and its filters and ordering: an edited cursor, or one used by another caller or with other filters or ordering, is 400 `invalid_cursor`. `limit` and `count` may change between pages. */
                cursor?: string;
                /** @description `true` adds `count`, the number of rows matching the filters across all pages (one more query). */
                count: boolean;
                /** @description `pending` (waiting to be sent, or for a retry), `sending`, `sent` (the provider took it), `delivered` (the handset got it), `failed` (gave up, see `last_error`), `unknown` (a send whose outcome was lost; an admin may retry it), `cancelled` (never sent: its order was deleted first). */
                status?: "pending" | "sending" | "sent" | "delivered" | "failed" | "unknown" | "cancelled";
            };
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of this notification.
                             */
                            url: string;
                            /** Notification order */
                            order: {
                                /** @description Id of the order it announces. */
                                id: number;
                                /**
                                 * Format: uri
                                 * @description Absolute URL of the order (404 once the order is deleted: its notifications stay on record).
                                 */
                                url: string;
                            };
                            /** @enum {unknown} */
                            event: "order_placed" | "order_closed" | "order_cancelled";
                            /** @description E.164 phone number of the customer when the event happened. */
                            recipient: string;
                            message: string;
                            /**
                             * @description `pending` (waiting to be sent, or for a retry), `sending`, `sent` (the provider took it), `delivered` (the handset got it), `failed` (gave up, see `last_error`), `unknown` (a send whose outcome was lost; an admin may retry it), `cancelled` (never sent: its order was deleted first).
                             * @enum {unknown}
                             */
                            status: "pending" | "sending" | "sent" | "delivered" | "failed" | "unknown" | "cancelled";
                            /** @description Sends tried so far. */
                            attempts: number;
                            provider: string | null;
                            provider_message_id: string | null;
                            cost: string | null;
                            last_error: string | null;
                            /**
                             * Format: date-time
                             * @description When it is (or was) due to be sent.
                             */
                            next_attempt_at: string;
                            /**
                             * Format: date-time
                             * @description When the order event happened.
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description Last change.
                             */
                            updated_at: string;
                            sent_at: string | null;
                            delivered_at: string | null;
                        }[];
                        /** @description The next page, or null on the last one. The `Link` header carries it too (`rel="next"`). */
                        next: string | null;
                        /** @description The previous page, or null on the first one (`Link`: `rel="prev"`). */
                        previous: string | null;
                        /** @description With `count=true`: rows matching the filters, across all pages. */
                        count?: number;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query: {
                /** @description Page size, 1 to 100. */
                limit: number;
                /** @description Opaque: where the page starts, as given in `next` or `previous` (never built by hand). It holds for this caller, this list and its filters and ordering: an edited cursor, or one used by another caller or with other filters or ordering, is 400 `invalid_cursor`. `limit` and `count` may change between pages. */
                cursor?: string;
                /** @description `true` adds `count`, the number of rows matching the filters across all pages (one more query). */
                count: boolean;
                /** @description `pending` (waiting to be sent, or for a retry), `sending`, `sent` (the provider took it), `delivered` (the handset got it), `failed` (gave up, see `last_error`), `unknown` (a send whose outcome was lost; an admin may retry it), `cancelled` (never sent: its order was deleted first). */
                status?: "pending" | "sending" | "sent" | "delivered" | "failed" | "unknown" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of this notification.
                             */
                            url: string;
                            /** Notification order */
                            order: {
                                /** @description Id of the order it announces. */
                                id: number;
                                /**
                                 * Format: uri
                                 * @description Absolute URL of the order (404 once the order is deleted: its notifications stay on record).
                                 */
                                url: string;
                            };
                            /** @enum {unknown} */
                            event: "order_placed" | "order_closed" | "order_cancelled";
                            /** @description E.164 phone number of the customer when the event happened. */
                            recipient: string;
                            message: string;
                            /**
                             * @description `pending` (waiting to be sent, or for a retry), `sending`, `sent` (the provider took it), `delivered` (the handset got it), `failed` (gave up, see `last_error`), `unknown` (a send whose outcome was lost; an admin may retry it), `cancelled` (never sent: its order was deleted first).
                             * @enum {unknown}
                             */
                            status: "pending" | "sending" | "sent" | "delivered" | "failed" | "unknown" | "cancelled";
                            /** @description Sends tried so far. */
                            attempts: number;
                            provider: string | null;
                            provider_message_id: string | null;
                            cost: string | null;
                            last_error: string | null;
                            /**
                             * Format: date-time
                             * @description When it is (or was) due to be sent.
                             */
                            next_attempt_at: string;
                            /**
                             * Format: date-time
                             * @description When the order event happened.
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description Last change.
                             */
                            updated_at: string;
                            sent_at: string | null;
                            delivered_at: string | null;
                        }[];
                        /** @description The next page, or null on the last one. The `Link` header carries it too (`rel="next"`). */
                        next: string | null;
                        /** @description The previous page, or null on the first one (`Link`: `rel="prev"`). */
                        previous: string | null;
                        /** @description With `count=true`: rows matching the filters, across all pages. */
                        count?: number;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /**
                         * Format: uri
                         * @description Absolute URL of this notification.
                         */
                        url: string;
                        /** Notification order */
                        order: {
                            /** @description Id of the order it announces. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the order (404 once the order is deleted: its notifications stay on record).
                             */
                            url: string;
                        };
                        /** @enum {unknown} */
                        event: "order_placed" | "order_closed" | "order_cancelled";
                        /** @description E.164 phone number of the customer when the event happened. */
                        recipient: string;
                        message: string;
                        /**
                         * @description `pending` (waiting to be sent, or for a retry), `sending`, `sent` (the provider took it), `delivered` (the handset got it), `failed` (gave up, see `last_error`), `unknown` (a send whose outcome was lost; an admin may retry it), `cancelled` (never sent: its order was deleted first).
                         * @enum {unknown}
                         */
                        status: "pending" | "sending" | "sent" | "delivered" | "failed" | "unknown" | "cancelled";
                        /** @description Sends tried so far. */
                        attempts: number;
                        provider: string | null;
                        provider_message_id: string | null;
                        cost: string | null;
                        last_error: string | null;
                        /**
                         * Format: date-time
                         * @description When it is (or was) due to be sent.
                         */
                        next_attempt_at: string;
                        /**
                         * Format: date-time
                         * @description When the order event happened.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Last change.
                         */
                        updated_at: string;
                        sent_at: string | null;
                        delivered_at: string | null;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryNotification: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (1–255 printable ASCII characters, e.g. a UUID; bare or quoted) that makes a retry of this request safe: the first outcome, errors included, is stored for `IDEMPOTENCY_TTL_SECONDS` (24 h by default) and replayed to every retry with `Idempotent-Replayed: true`. The same key with a different request is 422; while the first is still running, 409 with `Retry-After`.
                 * @example 8e03978e-40d5-43e8-bc93-6894a57f9324
                 */
                "idempotency-key"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /**
                         * Format: uri
                         * @description Absolute URL of this notification.
                         */
                        url: string;
                        /** Notification order */
                        order: {
                            /** @description Id of the order it announces. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the order (404 once the order is deleted: its notifications stay on record).
                             */
                            url: string;
                        };
                        /** @enum {unknown} */
                        event: "order_placed" | "order_closed" | "order_cancelled";
                        /** @description E.164 phone number of the customer when the event happened. */
                        recipient: string;
                        message: string;
                        /**
                         * @description `pending` (waiting to be sent, or for a retry), `sending`, `sent` (the provider took it), `delivered` (the handset got it), `failed` (gave up, see `last_error`), `unknown` (a send whose outcome was lost; an admin may retry it), `cancelled` (never sent: its order was deleted first).
                         * @enum {unknown}
                         */
                        status: "pending" | "sending" | "sent" | "delivered" | "failed" | "unknown" | "cancelled";
                        /** @description Sends tried so far. */
                        attempts: number;
                        provider: string | null;
                        provider_message_id: string | null;
                        cost: string | null;
                        last_error: string | null;
                        /**
                         * Format: date-time
                         * @description When it is (or was) due to be sent.
                         */
                        next_attempt_at: string;
                        /**
                         * Format: date-time
                         * @description When the order event happened.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Last change.
                         */
                        updated_at: string;
                        sent_at: string | null;
                        delivered_at: string | null;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `idempotency_key_mismatch`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query: {
                /** @description Page size, 1 to 100. */
                limit: number;
                /** @description Opaque: where the page starts, as given in `next` or `previous` (never built by hand). It holds for this caller, this list and its filters and ordering: an edited cursor, or one used by another caller or with other filters or ordering, is 400 `invalid_cursor`. `limit` and `count` may change between pages. */
                cursor?: string;
                /** @description `true` adds `count`, the number of rows matching the filters across all pages (one more query). */
                count: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            /** @description Read-only. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Read-only: absolute URL of this webhook endpoint in the API (`url` is where it delivers).
                             */
                            self: string;
                            /**
                             * Format: uri
                             * @description Where deliveries are POSTed: an absolute `https://` URL (`http://` only with `WEBHOOK_ALLOW_HTTP`), without user name, password or fragment. Its host must not be, or resolve to, a loopback, link-local (cloud metadata included), multicast or unspecified address, nor a private one outside `WEBHOOK_ALLOWED_NETWORKS`: 400 `validation_error`, field `url`, code `refused`, with the reason. A name that does not resolve yet is accepted and checked again at every delivery.
                             * @example https://invoicing.internal.example.com/hooks/orderly
                             */
                            url: string;
                            /** @description What the endpoint is for, to tell endpoints apart; trimmed. Empty when none was given. */
                            description: string;
                            /** @description The event types it receives, or `["*"]` for all. */
                            events: ("order.placed" | "order.updated" | "order.closed" | "order.cancelled" | "order.deleted" | "customer.created" | "customer.updated" | "customer.deleted" | "item.created" | "item.updated" | "item.deleted" | "notification.delivered" | "notification.failed" | "*")[];
                            /** @description False: nothing is delivered to it; `disabled_reason` says why when the dispatcher disabled it. */
                            enabled: boolean;
                            /**
                             * @description Why the dispatcher disabled the endpoint (the receiver answered 410 Gone, or every attempt failed for `WEBHOOK_DISABLE_AFTER_HOURS`); null while enabled, or when an admin disabled it.
                             * @example The receiver answered 410 Gone.
                             */
                            disabled_reason: string | null;
                            /** @description When it was last disabled; null while enabled. */
                            disabled_at: string | null;
                            /** @description The first of its current run of failed attempts; null when its last attempt succeeded. A run lasting `WEBHOOK_DISABLE_AFTER_HOURS` disables it. */
                            failing_since: string | null;
                            /** @description After a rotation: until when deliveries are signed with the previous secret too (two `v1,` signatures in `webhook-signature`); null when only the current secret signs. */
                            previous_secret_expires_at: string | null;
                            /**
                             * Format: uri
                             * @description Read-only: absolute URL of its deliveries, newest first.
                             */
                            deliveries: string;
                            /**
                             * Format: date-time
                             * @description Read-only.
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description Read-only.
                             */
                            updated_at: string;
                        }[];
                        /** @description The next page, or null on the last one. The `Link` header carries it too (`rel="next"`). */
                        next: string | null;
                        /** @description The previous page, or null on the first one (`Link`: `rel="prev"`). */
                        previous: string | null;
                        /** @description With `count=true`: rows matching the filters, across all pages. */
                        count?: number;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://invoicing.internal.example.com/hooks/orderly",
                 *       "description": "Invoicing",
                 *       "events": [
                 *         "order.placed",
                 *         "order.closed"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where deliveries are POSTed: an absolute `https://` URL (`http://` only with `WEBHOOK_ALLOW_HTTP`), without user name, password or fragment. Its host must not be, or resolve to, a loopback, link-local (cloud metadata included), multicast or unspecified address, nor a private one outside `WEBHOOK_ALLOWED_NETWORKS`: 400 `validation_error`, field `url`, code `refused`, with the reason. A name that does not resolve yet is accepted and checked again at every delivery.
                     * @example https://invoicing.internal.example.com/hooks/orderly
                     */
                    url: string;
                    /**
                     * @description What the endpoint is for, to tell endpoints apart; trimmed. Empty when none was given.
                     * @example Invoicing: creates an invoice for each closed order
                     */
                    description?: string;
                    /**
                     * @description The event types the endpoint receives, or `["*"]` for all of them. Duplicates count once. An unknown type is 400 `validation_error` with code `unknown`, an empty list code `required`, and `*` next to other types code `ambiguous` (field `events` each).
                     * @example [
                     *       "order.placed",
                     *       "order.closed"
                     *     ]
                     */
                    events: string[];
                    /** @description Default true. */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this webhook endpoint in the API (`url` is where it delivers).
                         */
                        self: string;
                        /**
                         * Format: uri
                         * @description Where deliveries are POSTed: an absolute `https://` URL (`http://` only with `WEBHOOK_ALLOW_HTTP`), without user name, password or fragment. Its host must not be, or resolve to, a loopback, link-local (cloud metadata included), multicast or unspecified address, nor a private one outside `WEBHOOK_ALLOWED_NETWORKS`: 400 `validation_error`, field `url`, code `refused`, with the reason. A name that does not resolve yet is accepted and checked again at every delivery.
                         * @example https://invoicing.internal.example.com/hooks/orderly
                         */
                        url: string;
                        /** @description What the endpoint is for, to tell endpoints apart; trimmed. Empty when none was given. */
                        description: string;
                        /** @description The event types it receives, or `["*"]` for all. */
                        events: ("order.placed" | "order.updated" | "order.closed" | "order.cancelled" | "order.deleted" | "customer.created" | "customer.updated" | "customer.deleted" | "item.created" | "item.updated" | "item.deleted" | "notification.delivered" | "notification.failed" | "*")[];
                        /** @description False: nothing is delivered to it; `disabled_reason` says why when the dispatcher disabled it. */
                        enabled: boolean;
                        /**
                         * @description Why the dispatcher disabled the endpoint (the receiver answered 410 Gone, or every attempt failed for `WEBHOOK_DISABLE_AFTER_HOURS`); null while enabled, or when an admin disabled it.
                         * @example The receiver answered 410 Gone.
                         */
                        disabled_reason: string | null;
                        /** @description When it was last disabled; null while enabled. */
                        disabled_at: string | null;
                        /** @description The first of its current run of failed attempts; null when its last attempt succeeded. A run lasting `WEBHOOK_DISABLE_AFTER_HOURS` disables it. */
                        failing_since: string | null;
                        /** @description After a rotation: until when deliveries are signed with the previous secret too (two `v1,` signatures in `webhook-signature`); null when only the current secret signs. */
                        previous_secret_expires_at: string | null;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of its deliveries, newest first.
                         */
                        deliveries: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /**
                         * @description The signing secret: `whsec_` and the base64 of 32 random bytes, as Standard Webhooks defines it. Shown in this response only (the server keeps it encrypted and never shows it again), so store it with the receiver and never log it. Lost: rotate it.
                         * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Wlp/3Yr7pI=
                         */
                        secret: string;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this webhook endpoint in the API (`url` is where it delivers).
                         */
                        self: string;
                        /**
                         * Format: uri
                         * @description Where deliveries are POSTed: an absolute `https://` URL (`http://` only with `WEBHOOK_ALLOW_HTTP`), without user name, password or fragment. Its host must not be, or resolve to, a loopback, link-local (cloud metadata included), multicast or unspecified address, nor a private one outside `WEBHOOK_ALLOWED_NETWORKS`: 400 `validation_error`, field `url`, code `refused`, with the reason. A name that does not resolve yet is accepted and checked again at every delivery.
                         * @example https://invoicing.internal.example.com/hooks/orderly
                         */
                        url: string;
                        /** @description What the endpoint is for, to tell endpoints apart; trimmed. Empty when none was given. */
                        description: string;
                        /** @description The event types it receives, or `["*"]` for all. */
                        events: ("order.placed" | "order.updated" | "order.closed" | "order.cancelled" | "order.deleted" | "customer.created" | "customer.updated" | "customer.deleted" | "item.created" | "item.updated" | "item.deleted" | "notification.delivered" | "notification.failed" | "*")[];
                        /** @description False: nothing is delivered to it; `disabled_reason` says why when the dispatcher disabled it. */
                        enabled: boolean;
                        /**
                         * @description Why the dispatcher disabled the endpoint (the receiver answered 410 Gone, or every attempt failed for `WEBHOOK_DISABLE_AFTER_HOURS`); null while enabled, or when an admin disabled it.
                         * @example The receiver answered 410 Gone.
                         */
                        disabled_reason: string | null;
                        /** @description When it was last disabled; null while enabled. */
                        disabled_at: string | null;
                        /** @description The first of its current run of failed attempts; null when its last attempt succeeded. A run lasting `WEBHOOK_DISABLE_AFTER_HOURS` disables it. */
                        failing_since: string | null;
                        /** @description After a rotation: until when deliveries are signed with the previous secret too (two `v1,` signatures in `webhook-signature`); null when only the current secret signs. */
                        previous_secret_expires_at: string | null;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of its deliveries, newest first.
                         */
                        deliveries: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any. */
                "if-match"?: string;
            };
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": true
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where deliveries are POSTed: an absolute `https://` URL (`http://` only with `WEBHOOK_ALLOW_HTTP`), without user name, password or fragment. Its host must not be, or resolve to, a loopback, link-local (cloud metadata included), multicast or unspecified address, nor a private one outside `WEBHOOK_ALLOWED_NETWORKS`: 400 `validation_error`, field `url`, code `refused`, with the reason. A name that does not resolve yet is accepted and checked again at every delivery.
                     * @example https://invoicing.internal.example.com/hooks/orderly
                     */
                    url?: string;
                    /**
                     * @description What the endpoint is for, to tell endpoints apart; trimmed. Empty when none was given.
                     * @example Invoicing: creates an invoice for each closed order
                     */
                    description?: string;
                    /**
                     * @description The event types the endpoint receives, or `["*"]` for all of them. Duplicates count once. An unknown type is 400 `validation_error` with code `unknown`, an empty list code `required`, and `*` next to other types code `ambiguous` (field `events` each).
                     * @example [
                     *       "order.placed",
                     *       "order.closed"
                     *     ]
                     */
                    events?: string[];
                    /** @description False: no events are delivered to it (none are even recorded for it). `true` enables an endpoint the dispatcher disabled, clearing `disabled_reason` and `failing_since`. */
                    enabled?: boolean;
                };
                /**
                 * @example {
                 *       "enabled": true
                 *     }
                 */
                "application/merge-patch+json": {
                    /**
                     * Format: uri
                     * @description Where deliveries are POSTed: an absolute `https://` URL (`http://` only with `WEBHOOK_ALLOW_HTTP`), without user name, password or fragment. Its host must not be, or resolve to, a loopback, link-local (cloud metadata included), multicast or unspecified address, nor a private one outside `WEBHOOK_ALLOWED_NETWORKS`: 400 `validation_error`, field `url`, code `refused`, with the reason. A name that does not resolve yet is accepted and checked again at every delivery.
                     * @example https://invoicing.internal.example.com/hooks/orderly
                     */
                    url?: string;
                    /**
                     * @description What the endpoint is for, to tell endpoints apart; trimmed. Empty when none was given.
                     * @example Invoicing: creates an invoice for each closed order
                     */
                    description?: string;
                    /**
                     * @description The event types the endpoint receives, or `["*"]` for all of them. Duplicates count once. An unknown type is 400 `validation_error` with code `unknown`, an empty list code `required`, and `*` next to other types code `ambiguous` (field `events` each).
                     * @example [
                     *       "order.placed",
                     *       "order.closed"
                     *     ]
                     */
                    events?: string[];
                    /** @description False: no events are delivered to it (none are even recorded for it). `true` enables an endpoint the dispatcher disabled, clearing `disabled_reason` and `failing_since`. */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this webhook endpoint in the API (`url` is where it delivers).
                         */
                        self: string;
                        /**
                         * Format: uri
                         * @description Where deliveries are POSTed: an absolute `https://` URL (`http://` only with `WEBHOOK_ALLOW_HTTP`), without user name, password or fragment. Its host must not be, or resolve to, a loopback, link-local (cloud metadata included), multicast or unspecified address, nor a private one outside `WEBHOOK_ALLOWED_NETWORKS`: 400 `validation_error`, field `url`, code `refused`, with the reason. A name that does not resolve yet is accepted and checked again at every delivery.
                         * @example https://invoicing.internal.example.com/hooks/orderly
                         */
                        url: string;
                        /** @description What the endpoint is for, to tell endpoints apart; trimmed. Empty when none was given. */
                        description: string;
                        /** @description The event types it receives, or `["*"]` for all. */
                        events: ("order.placed" | "order.updated" | "order.closed" | "order.cancelled" | "order.deleted" | "customer.created" | "customer.updated" | "customer.deleted" | "item.created" | "item.updated" | "item.deleted" | "notification.delivered" | "notification.failed" | "*")[];
                        /** @description False: nothing is delivered to it; `disabled_reason` says why when the dispatcher disabled it. */
                        enabled: boolean;
                        /**
                         * @description Why the dispatcher disabled the endpoint (the receiver answered 410 Gone, or every attempt failed for `WEBHOOK_DISABLE_AFTER_HOURS`); null while enabled, or when an admin disabled it.
                         * @example The receiver answered 410 Gone.
                         */
                        disabled_reason: string | null;
                        /** @description When it was last disabled; null while enabled. */
                        disabled_at: string | null;
                        /** @description The first of its current run of failed attempts; null when its last attempt succeeded. A run lasting `WEBHOOK_DISABLE_AFTER_HOURS` disables it. */
                        failing_since: string | null;
                        /** @description After a rotation: until when deliveries are signed with the previous secret too (two `v1,` signatures in `webhook-signature`); null when only the current secret signs. */
                        previous_secret_expires_at: string | null;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of its deliveries, newest first.
                         */
                        deliveries: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_failed`. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `precondition_required`. */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this webhook endpoint in the API (`url` is where it delivers).
                         */
                        self: string;
                        /**
                         * Format: uri
                         * @description Where deliveries are POSTed: an absolute `https://` URL (`http://` only with `WEBHOOK_ALLOW_HTTP`), without user name, password or fragment. Its host must not be, or resolve to, a loopback, link-local (cloud metadata included), multicast or unspecified address, nor a private one outside `WEBHOOK_ALLOWED_NETWORKS`: 400 `validation_error`, field `url`, code `refused`, with the reason. A name that does not resolve yet is accepted and checked again at every delivery.
                         * @example https://invoicing.internal.example.com/hooks/orderly
                         */
                        url: string;
                        /** @description What the endpoint is for, to tell endpoints apart; trimmed. Empty when none was given. */
                        description: string;
                        /** @description The event types it receives, or `["*"]` for all. */
                        events: ("order.placed" | "order.updated" | "order.closed" | "order.cancelled" | "order.deleted" | "customer.created" | "customer.updated" | "customer.deleted" | "item.created" | "item.updated" | "item.deleted" | "notification.delivered" | "notification.failed" | "*")[];
                        /** @description False: nothing is delivered to it; `disabled_reason` says why when the dispatcher disabled it. */
                        enabled: boolean;
                        /**
                         * @description Why the dispatcher disabled the endpoint (the receiver answered 410 Gone, or every attempt failed for `WEBHOOK_DISABLE_AFTER_HOURS`); null while enabled, or when an admin disabled it.
                         * @example The receiver answered 410 Gone.
                         */
                        disabled_reason: string | null;
                        /** @description When it was last disabled; null while enabled. */
                        disabled_at: string | null;
                        /** @description The first of its current run of failed attempts; null when its last attempt succeeded. A run lasting `WEBHOOK_DISABLE_AFTER_HOURS` disables it. */
                        failing_since: string | null;
                        /** @description After a rotation: until when deliveries are signed with the previous secret too (two `v1,` signatures in `webhook-signature`); null when only the current secret signs. */
                        previous_secret_expires_at: string | null;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of its deliveries, newest first.
                         */
                        deliveries: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /**
                         * @description The signing secret: `whsec_` and the base64 of 32 random bytes, as Standard Webhooks defines it. Shown in this response only (the server keeps it encrypted and never shows it again), so store it with the receiver and never log it. Lost: rotate it.
                         * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Wlp/3Yr7pI=
                         */
                        secret: string;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only: the delivery id (retry it at `…/webhooks/deliveries/{id}/retry/`). */
                        id: number;
                        /** @description The endpoint it goes to. */
                        webhook: {
                            /** @description The endpoint’s id. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the endpoint in the API.
                             */
                            self: string;
                        };
                        /** @description The event delivered. */
                        event: {
                            /**
                             * @description The `webhook-id` header of every attempt of this event, retries included: receivers deduplicate on it.
                             * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                             */
                            id: string;
                            /**
                             * @description The event type, or `webhook.test` for a test event.
                             * @example order.placed
                             */
                            type: string;
                        };
                        /**
                         * @description `pending`: waiting for its next attempt (`next_attempt_at`); `sending`: being attempted; `succeeded`: the receiver answered 2xx; `failed`: every attempt failed, the receiver answered 410, or a test event failed.
                         * @enum {unknown}
                         */
                        status: "pending" | "sending" | "succeeded" | "failed";
                        /** @description Attempts so far. */
                        attempt_count: number;
                        /** @description When `pending`: the next attempt; otherwise null. */
                        next_attempt_at: string | null;
                        /** @description The receiver’s status at the last attempt; null before one, or when it did not answer. */
                        last_status_code: number | null;
                        /** @description Why the last attempt failed; null before one or after a success. */
                        last_error: string | null;
                        /** @description When the receiver answered 2xx; null until then. */
                        delivered_at: string | null;
                        /**
                         * Format: date-time
                         * @description Read-only: when the event was recorded for this endpoint.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Every attempt so far, oldest first. */
                        attempts: {
                            /**
                             * Format: date-time
                             * @description When the request was sent.
                             */
                            attempted_at: string;
                            /** @description Until the answer, the failure or the timeout. */
                            duration_ms: number;
                            /**
                             * @description The receiver’s HTTP status; null when it did not answer.
                             * @example 200
                             */
                            status_code: number | null;
                            /**
                             * @description Why the attempt failed: a non-2xx status, a timeout, a refused destination, a connection error; null on success.
                             * @example timed out after 10000 ms
                             */
                            error: string | null;
                            /** @description The first kilobyte of the receiver’s answer, as text; null without one. */
                            response: string | null;
                        }[];
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query: {
                /** @description Page size, 1 to 100. */
                limit: number;
                /** @description Opaque: where the page starts, as given in `next` or `previous` (never built by hand). It holds for this caller, this list and its filters and ordering: an edited cursor, or one used by another caller or with other filters or ordering, is 400 `invalid_cursor`. `limit` and `count` may change between pages. */
                cursor?: string;
                /** @description `true` adds `count`, the number of rows matching the filters across all pages (one more query). */
                count: boolean;
            };
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            /** @description Read-only: the delivery id (retry it at `…/webhooks/deliveries/{id}/retry/`). */
                            id: number;
                            /** @description The endpoint it goes to. */
                            webhook: {
                                /** @description The endpoint’s id. */
                                id: number;
                                /**
                                 * Format: uri
                                 * @description Absolute URL of the endpoint in the API.
                                 */
                                self: string;
                            };
                            /** @description The event delivered. */
                            event: {
                                /**
                                 * @description The `webhook-id` header of every attempt of this event, retries included: receivers deduplicate on it.
                                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                                 */
                                id: string;
                                /**
                                 * @description The event type, or `webhook.test` for a test event.
                                 * @example order.placed
                                 */
                                type: string;
                            };
                            /**
                             * @description `pending`: waiting for its next attempt (`next_attempt_at`); `sending`: being attempted; `succeeded`: the receiver answered 2xx; `failed`: every attempt failed, the receiver answered 410, or a test event failed.
                             * @enum {unknown}
                             */
                            status: "pending" | "sending" | "succeeded" | "failed";
                            /** @description Attempts so far. */
                            attempt_count: number;
                            /** @description When `pending`: the next attempt; otherwise null. */
                            next_attempt_at: string | null;
                            /** @description The receiver’s status at the last attempt; null before one, or when it did not answer. */
                            last_status_code: number | null;
                            /** @description Why the last attempt failed; null before one or after a success. */
                            last_error: string | null;
                            /** @description When the receiver answered 2xx; null until then. */
                            delivered_at: string | null;
                            /**
                             * Format: date-time
                             * @description Read-only: when the event was recorded for this endpoint.
                             */
                            created_at: string;
                            /**
                             * Format: date-time
                             * @description Read-only.
                             */
                            updated_at: string;
                            /** @description Every attempt so far, oldest first. */
                            attempts: {
                                /**
                                 * Format: date-time
                                 * @description When the request was sent.
                                 */
                                attempted_at: string;
                                /** @description Until the answer, the failure or the timeout. */
                                duration_ms: number;
                                /**
                                 * @description The receiver’s HTTP status; null when it did not answer.
                                 * @example 200
                                 */
                                status_code: number | null;
                                /**
                                 * @description Why the attempt failed: a non-2xx status, a timeout, a refused destination, a connection error; null on success.
                                 * @example timed out after 10000 ms
                                 */
                                error: string | null;
                                /** @description The first kilobyte of the receiver’s answer, as text; null without one. */
                                response: string | null;
                            }[];
                        }[];
                        /** @description The next page, or null on the last one. The `Link` header carries it too (`rel="next"`). */
                        next: string | null;
                        /** @description The previous page, or null on the first one (`Link`: `rel="prev"`). */
                        previous: string | null;
                        /** @description With `count=true`: rows matching the filters, across all pages. */
                        count?: number;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only: the delivery id (retry it at `…/webhooks/deliveries/{id}/retry/`). */
                        id: number;
                        /** @description The endpoint it goes to. */
                        webhook: {
                            /** @description The endpoint’s id. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the endpoint in the API.
                             */
                            self: string;
                        };
                        /** @description The event delivered. */
                        event: {
                            /**
                             * @description The `webhook-id` header of every attempt of this event, retries included: receivers deduplicate on it.
                             * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                             */
                            id: string;
                            /**
                             * @description The event type, or `webhook.test` for a test event.
                             * @example order.placed
                             */
                            type: string;
                        };
                        /**
                         * @description `pending`: waiting for its next attempt (`next_attempt_at`); `sending`: being attempted; `succeeded`: the receiver answered 2xx; `failed`: every attempt failed, the receiver answered 410, or a test event failed.
                         * @enum {unknown}
                         */
                        status: "pending" | "sending" | "succeeded" | "failed";
                        /** @description Attempts so far. */
                        attempt_count: number;
                        /** @description When `pending`: the next attempt; otherwise null. */
                        next_attempt_at: string | null;
                        /** @description The receiver’s status at the last attempt; null before one, or when it did not answer. */
                        last_status_code: number | null;
                        /** @description Why the last attempt failed; null before one or after a success. */
                        last_error: string | null;
                        /** @description When the receiver answered 2xx; null until then. */
                        delivered_at: string | null;
                        /**
                         * Format: date-time
                         * @description Read-only: when the event was recorded for this endpoint.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Every attempt so far, oldest first. */
                        attempts: {
                            /**
                             * Format: date-time
                             * @description When the request was sent.
                             */
                            attempted_at: string;
                            /** @description Until the answer, the failure or the timeout. */
                            duration_ms: number;
                            /**
                             * @description The receiver’s HTTP status; null when it did not answer.
                             * @example 200
                             */
                            status_code: number | null;
                            /**
                             * @description Why the attempt failed: a non-2xx status, a timeout, a refused destination, a connection error; null on success.
                             * @example timed out after 10000 ms
                             */
                            error: string | null;
                            /** @description The first kilobyte of the receiver’s answer, as text; null without one. */
                            response: string | null;
                        }[];
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listVersionUsage: {
        parameters: {
            query: {
                /** @description How many UTC days back, today included (1: today only). */
                days: number;
                /**
                 * @description Only this API version.
                 * @example v1
                 */
                version?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest day first, then the busiest callers; at most 1,000 rows. */
                        results: {
                            /**
                             * @description The deprecated API version called.
                             * @example v1
                             */
                            version: string;
                            /**
                             * Format: date
                             * @description UTC day of the calls.
                             */
                            day: string;
                            /**
                             * @description `user:<id>` for an authenticated caller, else `ip:<client address>`.
                             * @example user:42
                             * @example ip:203.0.113.7
                             */
                            caller: string;
                            /** @description Whom to contact; null for an unauthenticated caller. */
                            user: {
                                id: number;
                                email: string;
                            } | null;
                            /** @description Calls that day, by every instance of the service. */
                            requests: number;
                            /** @description Route of the latest call, e.g. `/api/v1/orders/:id/` (an unknown path as it was sent). */
                            last_path: string;
                            /**
                             * Format: date-time
                             * @description When the latest call was answered.
                             */
                            last_seen_at: string;
                        }[];
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query: {
                /** @description Page size, 1 to 100. */
                limit: number;
                /** @description Opaque: where the page starts, as given in `next` or `previous` (never built by hand). It holds for this caller, this list and its filters and ordering: an edited cursor, or one used by another caller or with other filters or ordering, is 400 `invalid_cursor`. `limit` and `count` may change between pages. */
                cursor?: string;
                /** @description `true` adds `count`, the number of rows matching the filters across all pages (one more query). */
                count: boolean;
                /** @description Only users with this role. */
                role?: "admin" | "staff";
                /** @description `true`: disabled users only; `false`: enabled ones only. Default: both. */
                disabled?: boolean;
                /**
                 * @description Case-insensitive match anywhere in the email or the display name.
                 * @example amina
                 */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            /** @description Read-only: the user id (the `owner` of what they create). */
                            id: number;
                            /**
                             * Format: uri
                             * @description Read-only: absolute URL of this user.
                             */
                            url: string;
                            /**
                             * Format: email
                             * @description Read-only: the email the user signs in with; unique whatever its case.
                             * @example amina@example.com
                             */
                            email: string;
                            /** @description Read-only: the display name; null when none was given. */
                            name: string | null;
                            /**
                             * @description Read-only: `admin` sees and manages everything; `staff` reach their own customers and orders.
                             * @enum {unknown}
                             */
                            role: "admin" | "staff";
                            /** @description True: every credential of the user (API tokens, sessions, provider tokens) is refused with 403 `account_disabled`. False enables them again. */
                            disabled: boolean;
                            /**
                             * Format: date-time
                             * @description Read-only.
                             */
                            created_at: string;
                        }[];
                        /** @description The next page, or null on the last one. The `Link` header carries it too (`rel="next"`). */
                        next: string | null;
                        /** @description The previous page, or null on the first one (`Link`: `rel="prev"`). */
                        previous: string | null;
                        /** @description With `count=true`: rows matching the filters, across all pages. */
                        count?: number;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only: the user id (the `owner` of what they create). */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this user.
                         */
                        url: string;
                        /**
                         * Format: email
                         * @description Read-only: the email the user signs in with; unique whatever its case.
                         * @example amina@example.com
                         */
                        email: string;
                        /** @description Read-only: the display name; null when none was given. */
                        name: string | null;
                        /**
                         * @description Read-only: `admin` sees and manages everything; `staff` reach their own customers and orders.
                         * @enum {unknown}
                         */
                        role: "admin" | "staff";
                        /** @description True: every credential of the user (API tokens, sessions, provider tokens) is refused with 403 `account_disabled`. False enables them again. */
                        disabled: boolean;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "disabled": true
                 *     }
                 */
                "application/json": {
                    /** @description True: every credential of the user (API tokens, sessions, provider tokens) is refused with 403 `account_disabled`. False enables them again. */
                    disabled?: boolean;
                    /** @description Read-only: the user id (the `owner` of what they create). */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this user.
                     */
                    url?: string;
                    /**
                     * Format: email
                     * @description Read-only: the email the user signs in with; unique whatever its case.
                     * @example amina@example.com
                     */
                    email?: string;
                    /** @description Read-only: the display name; null when none was given. */
                    name?: string | null;
                    /**
                     * @description Read-only: `admin` sees and manages everything; `staff` reach their own customers and orders.
                     * @enum {unknown}
                     */
                    role?: "admin" | "staff";
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    created_at?: string;
                };
                /**
                 * @example {
                 *       "disabled": true
                 *     }
                 */
                "application/merge-patch+json": {
                    /** @description True: every credential of the user (API tokens, sessions, provider tokens) is refused with 403 `account_disabled`. False enables them again. */
                    disabled?: boolean;
                    /** @description Read-only: the user id (the `owner` of what they create). */
                    id?: number;
                    /**
                     * Format: uri
                     * @description Read-only: absolute URL of this user.
                     */
                    url?: string;
                    /**
                     * Format: email
                     * @description Read-only: the email the user signs in with; unique whatever its case.
                     * @example amina@example.com
                     */
                    email?: string;
                    /** @description Read-only: the display name; null when none was given. */
                    name?: string | null;
                    /**
                     * @description Read-only: `admin` sees and manages everything; `staff` reach their own customers and orders.
                     * @enum {unknown}
                     */
                    role?: "admin" | "staff";
                    /**
                     * Format: date-time
                     * @description Read-only.
                     */
                    created_at?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only: the user id (the `owner` of what they create). */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this user.
                         */
                        url: string;
                        /**
                         * Format: email
                         * @description Read-only: the email the user signs in with; unique whatever its case.
                         * @example amina@example.com
                         */
                        email: string;
                        /** @description Read-only: the display name; null when none was given. */
                        name: string | null;
                        /**
                         * @description Read-only: `admin` sees and manages everything; `staff` reach their own customers and orders.
                         * @enum {unknown}
                         */
                        role: "admin" | "staff";
                        /** @description True: every credential of the user (API tokens, sessions, provider tokens) is refused with 403 `account_disabled`. False enables them again. */
                        disabled: boolean;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `conflict`, `cannot_disable_self`, `invalid_transition`, `order_final`, `customer_has_orders`, `sku_taken`, `item_in_use`, `item_archived`, `not_retryable`, `delivery_in_progress`, `idempotency_key_in_use`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query: {
                /** @description Page size, 1 to 100. */
                limit: number;
                /** @description Opaque: where the page starts, as given in `next` or `previous` (never built by hand). It holds for this caller, this list and its filters and ordering: an edited cursor, or one used by another caller or with other filters or ordering, is 400 `invalid_cursor`. `limit` and `count` may change between pages. */
                cursor?: string;
                /** @description `true` adds `count`, the number of rows matching the filters across all pages (one more query). */
                count: boolean;
                /** @description Only the tokens of this user id. */
                user?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        results: {
                            /** @description Read-only: the token id (not the token). */
                            id: number;
                            /**
                             * Format: uri
                             * @description Read-only: absolute URL of this token.
                             */
                            url: string;
                            /** @description What the token is for; empty for tokens minted without a name. */
                            name: string;
                            /**
                             * User reference
                             * @description The user the token acts as.
                             */
                            user: {
                                /** @description Numeric id. */
                                id: number;
                                /**
                                 * Format: email
                                 * @description Read-only: the email the user signs in with; unique whatever its case.
                                 * @example amina@example.com
                                 */
                                email: string;
                                /**
                                 * Format: uri
                                 * @description Absolute URL of the user.
                                 */
                                url: string;
                            };
                            /**
                             * Format: date-time
                             * @description Read-only.
                             */
                            created_at: string;
                            /** @description When the token stops working; null: never. */
                            expires_at: string | null;
                            /** @description When the token last authenticated a request; null: never. A token verified recently may be trusted from a cache for `AUTH_CACHE_TTL_MS` without being counted again. */
                            last_used_at: string | null;
                            /** @description When the token was revoked; null: it was not. */
                            revoked_at: string | null;
                        }[];
                        /** @description The next page, or null on the last one. The `Link` header carries it too (`rel="next"`). */
                        next: string | null;
                        /** @description The previous page, or null on the first one (`Link`: `rel="prev"`). */
                        previous: string | null;
                        /** @description With `count=true`: rows matching the filters, across all pages. */
                        count?: number;
                    };
                };
            };
            /** @description Not modified: the `If-None-Match` ETag is current. No body. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "user": 42,
                 *       "name": "Nightly export",
                 *       "expires_at": "2027-01-31T00:00:00Z"
                 *     }
                 */
                "application/json": {
                    /** @description Id of the user the token acts as (any role; a disabled user’s token is refused until they are enabled). */
                    user: number;
                    /**
                     * @description What the token is for, to tell tokens apart in lists; trimmed.
                     * @example Nightly export
                     */
                    name: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339 time when the token stops working; must be in the future. Absent: never.
                     * @example 2027-01-31T00:00:00Z
                     */
                    expires_at?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only: the token id (not the token). */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this token.
                         */
                        url: string;
                        /** @description What the token is for; empty for tokens minted without a name. */
                        name: string;
                        /**
                         * User reference
                         * @description The user the token acts as.
                         */
                        user: {
                            /** @description Numeric id. */
                            id: number;
                            /**
                             * Format: email
                             * @description Read-only: the email the user signs in with; unique whatever its case.
                             * @example amina@example.com
                             */
                            email: string;
                            /**
                             * Format: uri
                             * @description Absolute URL of the user.
                             */
                            url: string;
                        };
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /** @description When the token stops working; null: never. */
                        expires_at: string | null;
                        /** @description When the token last authenticated a request; null: never. A token verified recently may be trusted from a cache for `AUTH_CACHE_TTL_MS` without being counted again. */
                        last_used_at: string | null;
                        /** @description When the token was revoked; null: it was not. */
                        revoked_at: string | null;
                        /**
                         * @description The secret, to send as `Authorization: Bearer <token>`. Shown in this response only: the server keeps only its hash, so no later request can show it again. Lost: revoke it and create another.
                         * @example oly_3q2-7wEiGQ0hF6J5kXwz1Yb8mN4pR9sT0uV2xY5zA7c
                         */
                        token: string;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only: the token id (not the token). */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this token.
                         */
                        url: string;
                        /** @description What the token is for; empty for tokens minted without a name. */
                        name: string;
                        /**
                         * User reference
                         * @description The user the token acts as.
                         */
                        user: {
                            /** @description Numeric id. */
                            id: number;
                            /**
                             * Format: email
                             * @description Read-only: the email the user signs in with; unique whatever its case.
                             * @example amina@example.com
                             */
                            email: string;
                            /**
                             * Format: uri
                             * @description Absolute URL of the user.
                             */
                            url: string;
                        };
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /** @description When the token stops working; null: never. */
                        expires_at: string | null;
                        /** @description When the token last authenticated a request; null: never. A token verified recently may be trusted from a cache for `AUTH_CACHE_TTL_MS` without being counted again. */
                        last_used_at: string | null;
                        /** @description When the token was revoked; null: it was not. */
                        revoked_at: string | null;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Read-only: the token id (not the token). */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this token.
                         */
                        url: string;
                        /** @description What the token is for; empty for tokens minted without a name. */
                        name: string;
                        /**
                         * User reference
                         * @description The user the token acts as.
                         */
                        user: {
                            /** @description Numeric id. */
                            id: number;
                            /**
                             * Format: email
                             * @description Read-only: the email the user signs in with; unique whatever its case.
                             * @example amina@example.com
                             */
                            email: string;
                            /**
                             * Format: uri
                             * @description Absolute URL of the user.
                             */
                            url: string;
                        };
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /** @description When the token stops working; null: never. */
                        expires_at: string | null;
                        /** @description When the token last authenticated a request; null: never. A token verified recently may be trusted from a cache for `AUTH_CACHE_TTL_MS` without being counted again. */
                        last_used_at: string | null;
                        /** @description When the token was revoked; null: it was not. */
                        revoked_at: string | null;
                    };
                };
            };
            /** @description Problem details; `error` is one of: `validation_error`, `invalid_json`, `body_too_complex`, `malformed_request`, `read_only_field`, `unsafe_redirect`, `invalid_cursor`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unauthorized`, `invalid_token`, `session_expired`, `invalid_login_state`, `login_failed`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `email_not_verified`, `domain_not_allowed`, `account_not_linked`, `account_disabled`, `csrf_failed`, `admin_only`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_found`, `oidc_disabled`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `not_acceptable`. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `payload_too_large`. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `uri_too_long`. */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `unsupported_media_type`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `rate_limited`. */
            429: {
                headers: {
                    /** @description Seconds to wait before sending again. */
                    "Retry-After"?: number;
                    /** @description The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`. */
                    RateLimit?: string;
                    /** @description Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`. */
                    "RateLimit-Policy"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `internal_error`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Problem details; `error` is one of: `service_unavailable`, `oidc_unavailable`, `database_unavailable`, `database_timeout`. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (with `database_unavailable` and `database_timeout`). */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    orderPlacedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "order.placed";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this order.
                         */
                        url: string;
                        /**
                         * Order customer
                         * @description The customer, as it is now.
                         */
                        customer: {
                            /** @description Id of the customer. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the customer.
                             */
                            url: string;
                            /**
                             * @description Code of the customer.
                             * @example AB12C
                             */
                            code: string;
                            /**
                             * @description First and second name of the customer.
                             * @example Amina Otieno
                             */
                            name: string;
                        };
                        /** @description The catalogue item ordered, or null when the item was given as free text (`item_name`). */
                        item: {
                            /** @description Id of the catalogue item. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the catalogue item.
                             */
                            url: string;
                            /**
                             * @description Stock-keeping unit of the item.
                             * @example MF-2KG
                             */
                            sku: string;
                            /**
                             * @description Name of the item in the catalogue now.
                             * @example Maize flour 2kg
                             */
                            name: string;
                        } | null;
                        /**
                         * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                         * @example Maize flour 2kg
                         */
                        item_name: string;
                        /**
                         * @description Whole units, 1 to 1,000,000.
                         * @example 3
                         */
                        quantity: number;
                        /**
                         * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                         * @example 12.50
                         */
                        unit_price: string;
                        /**
                         * @description Read-only: quantity × unit_price, exact, in `currency`.
                         * @example 37.50
                         */
                        total: string;
                        /**
                         * @description ISO 4217 code of `unit_price` and `total`.
                         * @example KES
                         */
                        currency: string;
                        /**
                         * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                         * @enum {unknown}
                         */
                        status: "Pending" | "Closed" | "Cancelled";
                        /**
                         * Format: date-time
                         * @description Read-only: set by the server when the order is placed.
                         */
                        placed_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Read-only: id of the owner (the owner of the customer). */
                        owner: number;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "order.updated";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this order.
                         */
                        url: string;
                        /**
                         * Order customer
                         * @description The customer, as it is now.
                         */
                        customer: {
                            /** @description Id of the customer. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the customer.
                             */
                            url: string;
                            /**
                             * @description Code of the customer.
                             * @example AB12C
                             */
                            code: string;
                            /**
                             * @description First and second name of the customer.
                             * @example Amina Otieno
                             */
                            name: string;
                        };
                        /** @description The catalogue item ordered, or null when the item was given as free text (`item_name`). */
                        item: {
                            /** @description Id of the catalogue item. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the catalogue item.
                             */
                            url: string;
                            /**
                             * @description Stock-keeping unit of the item.
                             * @example MF-2KG
                             */
                            sku: string;
                            /**
                             * @description Name of the item in the catalogue now.
                             * @example Maize flour 2kg
                             */
                            name: string;
                        } | null;
                        /**
                         * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                         * @example Maize flour 2kg
                         */
                        item_name: string;
                        /**
                         * @description Whole units, 1 to 1,000,000.
                         * @example 3
                         */
                        quantity: number;
                        /**
                         * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                         * @example 12.50
                         */
                        unit_price: string;
                        /**
                         * @description Read-only: quantity × unit_price, exact, in `currency`.
                         * @example 37.50
                         */
                        total: string;
                        /**
                         * @description ISO 4217 code of `unit_price` and `total`.
                         * @example KES
                         */
                        currency: string;
                        /**
                         * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                         * @enum {unknown}
                         */
                        status: "Pending" | "Closed" | "Cancelled";
                        /**
                         * Format: date-time
                         * @description Read-only: set by the server when the order is placed.
                         */
                        placed_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Read-only: id of the owner (the owner of the customer). */
                        owner: number;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderClosedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "order.closed";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this order.
                         */
                        url: string;
                        /**
                         * Order customer
                         * @description The customer, as it is now.
                         */
                        customer: {
                            /** @description Id of the customer. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the customer.
                             */
                            url: string;
                            /**
                             * @description Code of the customer.
                             * @example AB12C
                             */
                            code: string;
                            /**
                             * @description First and second name of the customer.
                             * @example Amina Otieno
                             */
                            name: string;
                        };
                        /** @description The catalogue item ordered, or null when the item was given as free text (`item_name`). */
                        item: {
                            /** @description Id of the catalogue item. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the catalogue item.
                             */
                            url: string;
                            /**
                             * @description Stock-keeping unit of the item.
                             * @example MF-2KG
                             */
                            sku: string;
                            /**
                             * @description Name of the item in the catalogue now.
                             * @example Maize flour 2kg
                             */
                            name: string;
                        } | null;
                        /**
                         * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                         * @example Maize flour 2kg
                         */
                        item_name: string;
                        /**
                         * @description Whole units, 1 to 1,000,000.
                         * @example 3
                         */
                        quantity: number;
                        /**
                         * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                         * @example 12.50
                         */
                        unit_price: string;
                        /**
                         * @description Read-only: quantity × unit_price, exact, in `currency`.
                         * @example 37.50
                         */
                        total: string;
                        /**
                         * @description ISO 4217 code of `unit_price` and `total`.
                         * @example KES
                         */
                        currency: string;
                        /**
                         * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                         * @enum {unknown}
                         */
                        status: "Pending" | "Closed" | "Cancelled";
                        /**
                         * Format: date-time
                         * @description Read-only: set by the server when the order is placed.
                         */
                        placed_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Read-only: id of the owner (the owner of the customer). */
                        owner: number;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderCancelledWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "order.cancelled";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this order.
                         */
                        url: string;
                        /**
                         * Order customer
                         * @description The customer, as it is now.
                         */
                        customer: {
                            /** @description Id of the customer. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the customer.
                             */
                            url: string;
                            /**
                             * @description Code of the customer.
                             * @example AB12C
                             */
                            code: string;
                            /**
                             * @description First and second name of the customer.
                             * @example Amina Otieno
                             */
                            name: string;
                        };
                        /** @description The catalogue item ordered, or null when the item was given as free text (`item_name`). */
                        item: {
                            /** @description Id of the catalogue item. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the catalogue item.
                             */
                            url: string;
                            /**
                             * @description Stock-keeping unit of the item.
                             * @example MF-2KG
                             */
                            sku: string;
                            /**
                             * @description Name of the item in the catalogue now.
                             * @example Maize flour 2kg
                             */
                            name: string;
                        } | null;
                        /**
                         * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                         * @example Maize flour 2kg
                         */
                        item_name: string;
                        /**
                         * @description Whole units, 1 to 1,000,000.
                         * @example 3
                         */
                        quantity: number;
                        /**
                         * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                         * @example 12.50
                         */
                        unit_price: string;
                        /**
                         * @description Read-only: quantity × unit_price, exact, in `currency`.
                         * @example 37.50
                         */
                        total: string;
                        /**
                         * @description ISO 4217 code of `unit_price` and `total`.
                         * @example KES
                         */
                        currency: string;
                        /**
                         * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                         * @enum {unknown}
                         */
                        status: "Pending" | "Closed" | "Cancelled";
                        /**
                         * Format: date-time
                         * @description Read-only: set by the server when the order is placed.
                         */
                        placed_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Read-only: id of the owner (the owner of the customer). */
                        owner: number;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "order.deleted";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this order.
                         */
                        url: string;
                        /**
                         * Order customer
                         * @description The customer, as it is now.
                         */
                        customer: {
                            /** @description Id of the customer. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the customer.
                             */
                            url: string;
                            /**
                             * @description Code of the customer.
                             * @example AB12C
                             */
                            code: string;
                            /**
                             * @description First and second name of the customer.
                             * @example Amina Otieno
                             */
                            name: string;
                        };
                        /** @description The catalogue item ordered, or null when the item was given as free text (`item_name`). */
                        item: {
                            /** @description Id of the catalogue item. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the catalogue item.
                             */
                            url: string;
                            /**
                             * @description Stock-keeping unit of the item.
                             * @example MF-2KG
                             */
                            sku: string;
                            /**
                             * @description Name of the item in the catalogue now.
                             * @example Maize flour 2kg
                             */
                            name: string;
                        } | null;
                        /**
                         * @description What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.
                         * @example Maize flour 2kg
                         */
                        item_name: string;
                        /**
                         * @description Whole units, 1 to 1,000,000.
                         * @example 3
                         */
                        quantity: number;
                        /**
                         * @description Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).
                         * @example 12.50
                         */
                        unit_price: string;
                        /**
                         * @description Read-only: quantity × unit_price, exact, in `currency`.
                         * @example 37.50
                         */
                        total: string;
                        /**
                         * @description ISO 4217 code of `unit_price` and `total`.
                         * @example KES
                         */
                        currency: string;
                        /**
                         * @description Pending → Closed | Cancelled; Closed and Cancelled are final.
                         * @enum {unknown}
                         */
                        status: "Pending" | "Closed" | "Cancelled";
                        /**
                         * Format: date-time
                         * @description Read-only: set by the server when the order is placed.
                         */
                        placed_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description Read-only: id of the owner (the owner of the customer). */
                        owner: number;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    customerCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "customer.created";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this customer.
                         */
                        url: string;
                        /**
                         * @description Read-only: first and second name, as an order shows its customer.
                         * @example Amina Otieno
                         */
                        name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Amina
                         */
                        first_name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Otieno
                         */
                        second_name: string;
                        /**
                         * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                         * @example AB12C
                         */
                        code: string;
                        /**
                         * @description International number with its country code; stored in E.164 form.
                         * @example +254712345678
                         */
                        phone: string;
                        /** @description Read-only: id of the user who owns the customer. */
                        owner: number;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    customerUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "customer.updated";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this customer.
                         */
                        url: string;
                        /**
                         * @description Read-only: first and second name, as an order shows its customer.
                         * @example Amina Otieno
                         */
                        name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Amina
                         */
                        first_name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Otieno
                         */
                        second_name: string;
                        /**
                         * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                         * @example AB12C
                         */
                        code: string;
                        /**
                         * @description International number with its country code; stored in E.164 form.
                         * @example +254712345678
                         */
                        phone: string;
                        /** @description Read-only: id of the user who owns the customer. */
                        owner: number;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    customerDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "customer.deleted";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this customer.
                         */
                        url: string;
                        /**
                         * @description Read-only: first and second name, as an order shows its customer.
                         * @example Amina Otieno
                         */
                        name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Amina
                         */
                        first_name: string;
                        /**
                         * @description Trimmed; any script.
                         * @example Otieno
                         */
                        second_name: string;
                        /**
                         * @description Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.
                         * @example AB12C
                         */
                        code: string;
                        /**
                         * @description International number with its country code; stored in E.164 form.
                         * @example +254712345678
                         */
                        phone: string;
                        /** @description Read-only: id of the user who owns the customer. */
                        owner: number;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    itemCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "item.created";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this item.
                         */
                        url: string;
                        /**
                         * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                         * @example MAIZE-2KG
                         */
                        sku: string;
                        /**
                         * @description What orders of the item are called; trimmed.
                         * @example Maize flour 2kg
                         */
                        name: string;
                        /** @description Optional text about the item; null when there is none. */
                        description: string | null;
                        /**
                         * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                         * @example 210.00
                         */
                        unit_price: string;
                        /**
                         * @description ISO 4217 code of `unit_price`.
                         * @example KES
                         */
                        currency: string;
                        /** @description False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered. */
                        active: boolean;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    itemUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "item.updated";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this item.
                         */
                        url: string;
                        /**
                         * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                         * @example MAIZE-2KG
                         */
                        sku: string;
                        /**
                         * @description What orders of the item are called; trimmed.
                         * @example Maize flour 2kg
                         */
                        name: string;
                        /** @description Optional text about the item; null when there is none. */
                        description: string | null;
                        /**
                         * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                         * @example 210.00
                         */
                        unit_price: string;
                        /**
                         * @description ISO 4217 code of `unit_price`.
                         * @example KES
                         */
                        currency: string;
                        /** @description False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered. */
                        active: boolean;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    itemDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "item.deleted";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        /** @description Read-only. */
                        id: number;
                        /**
                         * Format: uri
                         * @description Read-only: absolute URL of this item.
                         */
                        url: string;
                        /**
                         * @description Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).
                         * @example MAIZE-2KG
                         */
                        sku: string;
                        /**
                         * @description What orders of the item are called; trimmed.
                         * @example Maize flour 2kg
                         */
                        name: string;
                        /** @description Optional text about the item; null when there is none. */
                        description: string | null;
                        /**
                         * @description Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.
                         * @example 210.00
                         */
                        unit_price: string;
                        /**
                         * @description ISO 4217 code of `unit_price`.
                         * @example KES
                         */
                        currency: string;
                        /** @description False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered. */
                        active: boolean;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Read-only.
                         */
                        updated_at: string;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    notificationDeliveredWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "notification.delivered";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        id: number;
                        /**
                         * Format: uri
                         * @description Absolute URL of this notification.
                         */
                        url: string;
                        /** Notification order */
                        order: {
                            /** @description Id of the order it announces. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the order (404 once the order is deleted: its notifications stay on record).
                             */
                            url: string;
                        };
                        /** @enum {unknown} */
                        event: "order_placed" | "order_closed" | "order_cancelled";
                        /** @description E.164 phone number of the customer when the event happened. */
                        recipient: string;
                        message: string;
                        /**
                         * @description `pending` (waiting to be sent, or for a retry), `sending`, `sent` (the provider took it), `delivered` (the handset got it), `failed` (gave up, see `last_error`), `unknown` (a send whose outcome was lost; an admin may retry it), `cancelled` (never sent: its order was deleted first).
                         * @enum {unknown}
                         */
                        status: "pending" | "sending" | "sent" | "delivered" | "failed" | "unknown" | "cancelled";
                        /** @description Sends tried so far. */
                        attempts: number;
                        provider: string | null;
                        provider_message_id: string | null;
                        cost: string | null;
                        last_error: string | null;
                        /**
                         * Format: date-time
                         * @description When it is (or was) due to be sent.
                         */
                        next_attempt_at: string;
                        /**
                         * Format: date-time
                         * @description When the order event happened.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Last change.
                         */
                        updated_at: string;
                        sent_at: string | null;
                        delivered_at: string | null;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    notificationFailedWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "notification.failed";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    /** @description The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a deletion: just before it), with its `version`. */
                    data: {
                        id: number;
                        /**
                         * Format: uri
                         * @description Absolute URL of this notification.
                         */
                        url: string;
                        /** Notification order */
                        order: {
                            /** @description Id of the order it announces. */
                            id: number;
                            /**
                             * Format: uri
                             * @description Absolute URL of the order (404 once the order is deleted: its notifications stay on record).
                             */
                            url: string;
                        };
                        /** @enum {unknown} */
                        event: "order_placed" | "order_closed" | "order_cancelled";
                        /** @description E.164 phone number of the customer when the event happened. */
                        recipient: string;
                        message: string;
                        /**
                         * @description `pending` (waiting to be sent, or for a retry), `sending`, `sent` (the provider took it), `delivered` (the handset got it), `failed` (gave up, see `last_error`), `unknown` (a send whose outcome was lost; an admin may retry it), `cancelled` (never sent: its order was deleted first).
                         * @enum {unknown}
                         */
                        status: "pending" | "sending" | "sent" | "delivered" | "failed" | "unknown" | "cancelled";
                        /** @description Sends tried so far. */
                        attempts: number;
                        provider: string | null;
                        provider_message_id: string | null;
                        cost: string | null;
                        last_error: string | null;
                        /**
                         * Format: date-time
                         * @description When it is (or was) due to be sent.
                         */
                        next_attempt_at: string;
                        /**
                         * Format: date-time
                         * @description When the order event happened.
                         */
                        created_at: string;
                        /**
                         * Format: date-time
                         * @description Last change.
                         */
                        updated_at: string;
                        sent_at: string | null;
                        delivered_at: string | null;
                        /** @description The resource’s version at this change: it grows with every change, so a receiver keeps the highest it has seen and ignores an event carrying a lower one (deliveries may arrive out of order). */
                        version: number;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookTestWebhook: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery whose id you have already processed.
                 * @example msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e
                 */
                "webhook-id": string;
                /**
                 * @description Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes from your clock (replay protection); it is part of what is signed.
                 * @example 1767225600
                 */
                "webhook-timestamp": string;
                /**
                 * @description Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret first): accept the delivery when any one matches, compared in constant time.
                 * @example v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=
                 */
                "webhook-signature": string;
                /**
                 * @description Orderly-Webhooks/<server version>.
                 * @example Orderly-Webhooks/0.1.0
                 */
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The event type.
                     * @constant
                     */
                    type: "webhook.test";
                    /**
                     * Format: date-time
                     * @description When the change was committed (the same for every attempt of the event).
                     */
                    timestamp: string;
                    data: {
                        /** @description The endpoint the test was sent to. */
                        webhook: {
                            id: number;
                            /**
                             * Format: uri
                             * @description The endpoint in the API (its `self`).
                             */
                            url: string;
                        };
                        /** @example A test event from Orderly. */
                        message: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the endpoint is disabled at once, and nothing more is sent to it. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Delivered: the event is not sent again (unless an admin retries it). */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered: retried on the schedule, with the same `webhook-id`. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
