// Generated from /openapi.json by `npm run client:types` (openapi-typescript). Do not edit.
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Process is up */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/livez": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Process is up (same as /healthz) */
        get: operations["livez"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics of this process's roles (text exposition format) */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Temporal reachable, namespaces ready */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver one payload to one URL with its own retry policy and dead letter (a one-off event)
         * @description An event like any other (GET /v1/events/{id}, /attempts, /retry, /cancel work for it), delivered as "to" (its dead letter as "deadLetter"). URL and headers are sealed in Temporal and never shown; deliveries are signed with the tenant’s delivery secret (GET /v1/deliveries/secret).
         */
        post: operations["createDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The secrets that sign this tenant’s one-off deliveries (the first is made on first use) */
        get: operations["getDeliverySecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new secret signs one-off deliveries at once; the previous ones also sign until the overlap ends */
        post: operations["rotateDeliverySecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/destinations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's destinations, config-file ones included */
        get: operations["listDestinations"];
        put?: never;
        /** Create a destination; every receiver and worker uses it within a second */
        post: operations["createDestination"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/destinations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One destination, with its health (circuit breaker, deliveries waiting) */
        get: operations["getDestination"];
        put?: never;
        post?: never;
        /** Delete; its pending deliveries end cancelled ("destination deleted") */
        delete: operations["deleteDestination"];
        options?: never;
        head?: never;
        /** Change fields (null removes one); the next attempt of deliveries in flight uses them */
        patch: operations["updateDestination"];
        trace?: never;
    };
    "/v1/destinations/{id}/filter-test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Would this destination take this event? Its event patterns, then its filter (or a draft one); nothing is sent */
        post: operations["testDestinationFilter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/destinations/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause: new events still match and queue; attempts wait without using one */
        post: operations["pauseDestination"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/destinations/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume: waiting attempts go again (within 15 s), at the rate limit */
        post: operations["resumeDestination"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/destinations/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signing secrets in use and when each expires */
        get: operations["getDestinationSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/destinations/{id}/secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new secret signs at once; the previous ones also sign until the overlap ends */
        post: operations["rotateDestinationSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/destinations/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attempts, success ratio, latency percentiles, the last attempt, deliveries waiting, and a series to chart */
        get: operations["getDestinationStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/destinations/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a signed barrage.test event to this destination through the normal path */
        post: operations["sendTestEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/erasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase many events: by id, or every event a filter matches in a window; durable and paced like replays */
        post: operations["startErasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/erasures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An erasure’s status and counts */
        get: operations["getErasure"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's event types, by name */
        get: operations["listEventTypes"];
        put?: never;
        /** Add an event type to the catalog; with a schema, events of the type must meet it */
        post: operations["createEventType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One event type, with its schema and example */
        get: operations["getEventType"];
        put?: never;
        post?: never;
        /** Remove it from the catalog; its events are no longer checked (refused with requireKnownEventTypes) */
        delete: operations["deleteEventType"];
        options?: never;
        head?: never;
        /** Change fields; a new schema applies to events accepted from then on */
        patch: operations["updateEventType"];
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the tenant's events, newest first (Temporal's visibility order) */
        get: operations["listEvents"];
        put?: never;
        /** Accept an event and deliver it to every subscribed destination */
        post: operations["createEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status of an event and each destination */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        /** Erase the event from Temporal: its callback, deliveries and dead letters (running ones end cancelled first) */
        delete: operations["eraseEvent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every delivery attempt of an event */
        get: operations["listEventAttempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel every delivery of an event that is not final yet */
        post: operations["cancelEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/payload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The payload of an event as accepted: its content type and body (UTF-8 text, or base64 for other bytes) */
        get: operations["getEventPayload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver again: failed, cancelled and expired deliveries restart, a waiting or scheduled one attempts now */
        post: operations["retryEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept up to 100 events; each is answered as POST /v1/events would answer it */
        post: operations["createEventBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/portal-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mint a tenant portal session for the calling tenant: a URL with a one-time code */
        post: operations["createPortalSession"];
        /** End every live portal session of the calling tenant */
        delete: operations["revokePortalSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/replays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's replays, running ones first */
        get: operations["listReplays"];
        put?: never;
        /** Send again the deliveries that match (failed ones by default) in a window, paced by limits.replayPerSecond */
        post: operations["startReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/replays/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A replay’s status and counts: matched, replayed, skipped, errors */
        get: operations["getReplay"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/replays/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a replay; what it sent stays sent */
        post: operations["cancelReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/replays/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many deliveries a replay with this filter would find now (an upper bound: nothing is sent) */
        post: operations["previewReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/{sourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A raw inbound callback, verified as the source is configured */
        post: operations["receiveSourceCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant’s delivery stats as a whole, and per destination */
        get: operations["getTenantStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every tenant, config-file ones included */
        get: operations["listTenants"];
        put?: never;
        /** Create a tenant: its Temporal namespace is registered and served within seconds */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tenant */
        get: operations["getTenant"];
        put?: never;
        post?: never;
        /** Stop accepting and serving a tenant; its namespace and histories are kept */
        delete: operations["deleteTenant"];
        options?: never;
        head?: never;
        /** Change a tenant's settings: defaults for its destinations, operator destination, retention, limits, requireKnownEventTypes */
        patch: operations["updateTenant"];
        trace?: never;
    };
    "/v1/tenants/{id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant's live keys (never the keys themselves) */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key: shown in plain text this once */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key: refused everywhere within a second */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{id}/portal-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mint a portal session for a tenant (an admin key, or the tenant’s own) */
        post: operations["createTenantPortalSession"];
        /** End every live portal session of a tenant (an admin key, or the tenant's own) */
        delete: operations["revokeTenantPortalSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Accepted: {
            /** @description the destinations it is delivered to; empty when none subscribes to its type */
            destinations: string[];
            duplicate: boolean;
            id: string;
            links: {
                self: string;
                temporalUi?: string;
            };
            type: string;
        };
        ApiKey: {
            createdAt: string;
            id: string;
            /** @description updated at most once a minute */
            lastUsedAt: string | null;
            name: string | null;
            /** @description the first characters of the key, to recognise it */
            prefix: string;
        };
        ApiKeyList: {
            apiKeys: components["schemas"]["ApiKey"][];
            nextCursor?: string;
        };
        ApiKeyRequest: {
            name?: string;
        };
        Attempts: {
            attempts: {
                attempt: number;
                destination: string;
                durationMs: number;
                error?: string;
                /** @enum {string} */
                outcome: "delivered" | "retryable" | "permanent" | "cancelled";
                responseExcerpt?: string;
                retryAfterMs?: number;
                startedAt: string;
                statusCode?: number;
            }[];
            id: string;
        };
        BatchRequest: {
            /** @description 1–100 events, each as POST /v1/events takes it (an invalid item is answered 400 in its place) */
            events: unknown[];
        };
        BatchResponse: {
            /** @description one per event, in order; every item answered 202 or 200 is durable, whatever happened to the others */
            results: {
                destinations?: string[];
                duplicate?: boolean;
                error?: {
                    code: string;
                    details?: unknown;
                    message: string;
                };
                id?: string;
                links?: {
                    self: string;
                    temporalUi?: string;
                };
                /** @description what POST /v1/events would have answered for this item: 202, 200, 400, 409, 413, 503 */
                status: number;
                type?: string;
            }[];
        };
        CancelResponse: {
            /** @description deliveries asked to stop; they read "cancelled" once their current step ends */
            cancelled: string[];
            /** @description already delivered, failed, cancelled or expired */
            final: string[];
            id: string;
        };
        CreatedApiKey: {
            createdAt: string;
            id: string;
            /** @description the key in plain text: shown this once, stored only as a hash */
            key: string;
            /** @description updated at most once a minute */
            lastUsedAt: string | null;
            name: string | null;
            /** @description the first characters of the key, to recognise it */
            prefix: string;
        };
        DeliveryRequest: {
            /** @description the payload as JSON */
            data: components["schemas"]["JsonValue"];
            /** @description where it goes when retries run out: a registered destination id, or another { url, headers?, timeout? } */
            deadLetter?: string | {
                /** @description request headers (sealed: never shown or logged) */
                headers?: {
                    [key: string]: string;
                };
                /** @description per attempt (default 30s) */
                timeout?: string | number;
                /**
                 * Format: uri
                 * @description http(s) URL; user:password in it is sent as Basic auth
                 */
                url: string;
            };
            /** @description the event id: the dedupe key, sent as webhook-id (Idempotency-Key also works) */
            id?: string;
            /** @description backoff between attempts (default: a destination’s default) */
            retry?: {
                /**
                 * @description each wait is this many times the previous
                 * @default 2
                 */
                backoffCoefficient?: number;
                /** @description no attempt starts later than this after the first */
                horizon?: string | number;
                /**
                 * @description wait before the 2nd attempt
                 * @default 5s
                 */
                initialInterval?: string | number;
                /**
                 * @description random spread of each wait, ±fraction
                 * @default 0.2
                 */
                jitter?: number;
                /**
                 * @description attempts before the delivery fails
                 * @default 10
                 */
                maximumAttempts?: number;
                /**
                 * @description longest wait between attempts; also caps Retry-After
                 * @default 1h
                 */
                maximumInterval?: string | number;
            };
            /** @description where to POST it */
            to: {
                /** @description request headers (sealed: never shown or logged) */
                headers?: {
                    [key: string]: string;
                };
                /** @description per attempt (default 30s) */
                timeout?: string | number;
                /**
                 * Format: uri
                 * @description http(s) URL; user:password in it is sent as Basic auth
                 */
                url: string;
            };
            /** @description the event type it is recorded and searchable under (default "delivery") */
            type?: string;
        } | {
            /** @description where it goes when retries run out: a registered destination id, or another { url, headers?, timeout? } */
            deadLetter?: string | {
                /** @description request headers (sealed: never shown or logged) */
                headers?: {
                    [key: string]: string;
                };
                /** @description per attempt (default 30s) */
                timeout?: string | number;
                /**
                 * Format: uri
                 * @description http(s) URL; user:password in it is sent as Basic auth
                 */
                url: string;
            };
            /** @description the event id: the dedupe key, sent as webhook-id (Idempotency-Key also works) */
            id?: string;
            /** @description the payload as given bytes */
            payload: {
                /** @description the bytes to send: text, or base64 with encoding "base64" */
                body: string;
                /** @description default text/plain (utf8) or application/octet-stream (base64) */
                contentType?: string;
                /**
                 * @description how body is written (default utf8)
                 * @enum {string}
                 */
                encoding?: "utf8" | "base64";
            };
            /** @description backoff between attempts (default: a destination’s default) */
            retry?: {
                /**
                 * @description each wait is this many times the previous
                 * @default 2
                 */
                backoffCoefficient?: number;
                /** @description no attempt starts later than this after the first */
                horizon?: string | number;
                /**
                 * @description wait before the 2nd attempt
                 * @default 5s
                 */
                initialInterval?: string | number;
                /**
                 * @description random spread of each wait, ±fraction
                 * @default 0.2
                 */
                jitter?: number;
                /**
                 * @description attempts before the delivery fails
                 * @default 10
                 */
                maximumAttempts?: number;
                /**
                 * @description longest wait between attempts; also caps Retry-After
                 * @default 1h
                 */
                maximumInterval?: string | number;
            };
            /** @description where to POST it */
            to: {
                /** @description request headers (sealed: never shown or logged) */
                headers?: {
                    [key: string]: string;
                };
                /** @description per attempt (default 30s) */
                timeout?: string | number;
                /**
                 * Format: uri
                 * @description http(s) URL; user:password in it is sent as Basic auth
                 */
                url: string;
            };
            /** @description the event type it is recorded and searchable under (default "delivery") */
            type?: string;
        };
        /** @description the destination with its type settings; credentials shown as "[redacted]", never the signing secret */
        Destination: {
            createdAt?: string;
            description: string;
            disabled: boolean;
            /** @description since when it is disabled (its waiting deliveries end after disabledRetention) */
            disabledAt?: string;
            /** @description why Barrage disabled it: HTTP 410 Gone, or its circuit open past autoDisableAfter */
            disabledReason?: string;
            events: string[];
            /** @description in GET /v1/destinations/{id}, pause/resume answers, and lists asked with ?health=true */
            health?: {
                /** @description deliveries to it not yet final (from Temporal visibility; absent if it did not answer) */
                deliveriesWaiting?: number;
                /** @description consecutive failed attempts counted toward opening it */
                failures: number;
                lastError?: string;
                lastErrorAt?: string;
                /** @description open: when probing begins */
                retryAt?: string;
                /** @description when it entered this state (absent: it never failed) */
                since?: string;
                /**
                 * @description closed: attempts go; open: they wait; half_open: a few probes decide
                 * @enum {string}
                 */
                state: "closed" | "open" | "half_open";
            };
            id: string;
            /** @enum {string} */
            managedBy: "config" | "api";
            metadata: {
                [key: string]: string;
            };
            /** @description attempts wait (no attempt used) until resumed; new events still match */
            paused: boolean;
            /** @enum {string} */
            type: "http" | "sqs" | "kafka";
            updatedAt?: string;
            /** @description what looks wrong but is allowed: an events pattern that matches no type of a non-empty event-type catalog */
            warnings?: string[];
        } & {
            [key: string]: unknown;
        };
        DestinationList: {
            destinations: components["schemas"]["Destination"][];
            nextCursor?: string;
        };
        /** @description fields to change, merged onto the destination: the result must be a valid destination of its type (to change the type, set the new type and its fields and remove the old type’s fields with null). id and secret cannot change here */
        DestinationPatch: {
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            accessKeyId?: null;
            /** @description circuit breaker (default: on, 5 failures, 30s cool-down); replaces the tenant’s defaults.breaker whole */
            breaker?: {
                /**
                 * @description open (or probing) this long without closing disables the destination (API ones); 0: never
                 * @default 24h
                 */
                autoDisableAfter?: string | number;
                /**
                 * @description open this long before the first probes; doubles each time probing fails
                 * @default 30s
                 */
                coolDown?: string | number;
                /**
                 * @description false: attempts always go, however many fail
                 * @default true
                 */
                enabled?: boolean;
                /** @description also open when at least this share of the attempts in one window failed (absent: consecutive failures only; set, every attempt is counted in the shared health) */
                failureRatio?: number;
                /**
                 * @description consecutive failed attempts that open it
                 * @default 5
                 */
                failures?: number;
                /**
                 * @description the longest the cool-down grows to
                 * @default 10m
                 */
                maxCoolDown?: string | number;
                /**
                 * @description attempts a window needs before failureRatio can open it
                 * @default 20
                 */
                minimumAttempts?: number;
                /**
                 * @description attempts let through at once while half open: the first back well closes it, this many failed open it again
                 * @default 3
                 */
                probes?: number;
                /**
                 * @description the window failureRatio is counted over (one window after another)
                 * @default 60s
                 */
                window?: string | number;
            } | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            brokers?: null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            clientId?: null;
            /** @description destination id that receives events this one failed */
            deadLetter?: string | null;
            description?: string;
            /** @description a disabled destination is not matched for new events */
            disabled?: boolean;
            /**
             * @description while disabled, its waiting deliveries wait this long to be enabled again, then end "cancelled"
             * @default 7d
             */
            disabledRetention?: (string | number) | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            endpoint?: null;
            /**
             * @description event types: exact, "prefix.*", or "*"
             * @default [
             *       "*"
             *     ]
             */
            events?: string[] | null;
            /**
             * @description only events this JSON filter matches (on type, source, data, metadata): plain values mean equality; operators $eq $neq $in $nin $gt $gte $lt $lte $exist $startsWith $endsWith $contains $and $or $not; at most 16 levels and 8192 bytes
             * @example {
             *       "data": {
             *         "amount": {
             *           "$gte": 1000
             *         },
             *         "currency": {
             *           "$in": [
             *             "EUR",
             *             "USD"
             *           ]
             *         }
             *       }
             *     }
             */
            filter?: {
                [key: string]: components["schemas"]["JsonValue"];
            } | null;
            /**
             * @description extra request headers
             * @default {}
             */
            headers?: {
                [key: string]: string;
            } | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            key?: null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            librdkafka?: null;
            /** @description attempts in flight to it at once, across all workers; more wait (no attempt used) */
            maxInFlight?: number | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            messageGroupId?: null;
            /** @description string map, stored and shown as given */
            metadata?: {
                [key: string]: string;
            };
            /**
             * @description new events still match and queue; attempts wait (no attempt used) until it is resumed
             * @default false
             */
            paused?: boolean | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            queueUrl?: null;
            /** @description attempts beyond it wait in Temporal (no attempt used); up to one second’s worth, or burst, may go at once */
            rateLimit?: {
                /** @description attempts that may go at once after a quiet spell, across all workers (default: one second’s worth); at most perSecond + burst in any second */
                burst?: number;
                /** @description attempts per second, across all workers */
                perSecond: number;
            } | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            region?: null;
            /**
             * @description backoff between attempts
             * @default {}
             */
            retry?: {
                /**
                 * @description each wait is this many times the previous
                 * @default 2
                 */
                backoffCoefficient?: number;
                /** @description no attempt starts later than this after the first */
                horizon?: string | number;
                /**
                 * @description wait before the 2nd attempt
                 * @default 5s
                 */
                initialInterval?: string | number;
                /**
                 * @description random spread of each wait, ±fraction
                 * @default 0.2
                 */
                jitter?: number;
                /**
                 * @description attempts before the delivery fails
                 * @default 10
                 */
                maximumAttempts?: number;
                /**
                 * @description longest wait between attempts; also caps Retry-After
                 * @default 1h
                 */
                maximumInterval?: string | number;
            } | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            secretAccessKey?: null;
            /**
             * @description per-attempt timeout (max 2m)
             * @default 10s
             */
            timeout?: (string | number) | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            topic?: null;
            /** @description a delivery not done this long after acceptance (or deliverAt) ends "expired"; an event’s own ttl may be shorter */
            ttl?: (string | number) | null;
            /**
             * @description destination kind: http (default), sqs or kafka
             * @enum {string}
             */
            type?: "http";
            /**
             * Format: uri
             * @description where deliveries are POSTed; user:password in it is sent as Basic auth
             */
            url?: string;
        } | {
            /** @description explicit credentials (default: AWS environment/profile/role) */
            accessKeyId?: string | null;
            /** @description circuit breaker (default: on, 5 failures, 30s cool-down); replaces the tenant’s defaults.breaker whole */
            breaker?: {
                /**
                 * @description open (or probing) this long without closing disables the destination (API ones); 0: never
                 * @default 24h
                 */
                autoDisableAfter?: string | number;
                /**
                 * @description open this long before the first probes; doubles each time probing fails
                 * @default 30s
                 */
                coolDown?: string | number;
                /**
                 * @description false: attempts always go, however many fail
                 * @default true
                 */
                enabled?: boolean;
                /** @description also open when at least this share of the attempts in one window failed (absent: consecutive failures only; set, every attempt is counted in the shared health) */
                failureRatio?: number;
                /**
                 * @description consecutive failed attempts that open it
                 * @default 5
                 */
                failures?: number;
                /**
                 * @description the longest the cool-down grows to
                 * @default 10m
                 */
                maxCoolDown?: string | number;
                /**
                 * @description attempts a window needs before failureRatio can open it
                 * @default 20
                 */
                minimumAttempts?: number;
                /**
                 * @description attempts let through at once while half open: the first back well closes it, this many failed open it again
                 * @default 3
                 */
                probes?: number;
                /**
                 * @description the window failureRatio is counted over (one window after another)
                 * @default 60s
                 */
                window?: string | number;
            } | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            brokers?: null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            clientId?: null;
            /** @description destination id that receives events this one failed */
            deadLetter?: string | null;
            description?: string;
            /** @description a disabled destination is not matched for new events */
            disabled?: boolean;
            /**
             * @description while disabled, its waiting deliveries wait this long to be enabled again, then end "cancelled"
             * @default 7d
             */
            disabledRetention?: (string | number) | null;
            /**
             * Format: uri
             * @description SQS endpoint (default: the queue URL’s origin for non-AWS hosts, else the regional endpoint)
             */
            endpoint?: string | null;
            /**
             * @description event types: exact, "prefix.*", or "*"
             * @default [
             *       "*"
             *     ]
             */
            events?: string[] | null;
            /**
             * @description only events this JSON filter matches (on type, source, data, metadata): plain values mean equality; operators $eq $neq $in $nin $gt $gte $lt $lte $exist $startsWith $endsWith $contains $and $or $not; at most 16 levels and 8192 bytes
             * @example {
             *       "data": {
             *         "amount": {
             *           "$gte": 1000
             *         },
             *         "currency": {
             *           "$in": [
             *             "EUR",
             *             "USD"
             *           ]
             *         }
             *       }
             *     }
             */
            filter?: {
                [key: string]: components["schemas"]["JsonValue"];
            } | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            headers?: null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            key?: null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            librdkafka?: null;
            /** @description attempts in flight to it at once, across all workers; more wait (no attempt used) */
            maxInFlight?: number | null;
            /** @description FIFO queues: where MessageGroupId comes from (required for .fifo queue URLs) */
            messageGroupId?: ({
                /** @description dotted path into a JSON body, like $.data.id */
                jsonPath: string;
            } | {
                /** @description a constant */
                fixed: string;
            } | {
                /** @enum {boolean} */
                eventType: true;
            }) | null;
            /** @description string map, stored and shown as given */
            metadata?: {
                [key: string]: string;
            };
            /**
             * @description new events still match and queue; attempts wait (no attempt used) until it is resumed
             * @default false
             */
            paused?: boolean | null;
            /**
             * Format: uri
             * @description the queue URL
             */
            queueUrl?: string;
            /** @description attempts beyond it wait in Temporal (no attempt used); up to one second’s worth, or burst, may go at once */
            rateLimit?: {
                /** @description attempts that may go at once after a quiet spell, across all workers (default: one second’s worth); at most perSecond + burst in any second */
                burst?: number;
                /** @description attempts per second, across all workers */
                perSecond: number;
            } | null;
            /**
             * @description AWS region
             * @default us-east-1
             */
            region?: string | null;
            /**
             * @description backoff between attempts
             * @default {}
             */
            retry?: {
                /**
                 * @description each wait is this many times the previous
                 * @default 2
                 */
                backoffCoefficient?: number;
                /** @description no attempt starts later than this after the first */
                horizon?: string | number;
                /**
                 * @description wait before the 2nd attempt
                 * @default 5s
                 */
                initialInterval?: string | number;
                /**
                 * @description random spread of each wait, ±fraction
                 * @default 0.2
                 */
                jitter?: number;
                /**
                 * @description attempts before the delivery fails
                 * @default 10
                 */
                maximumAttempts?: number;
                /**
                 * @description longest wait between attempts; also caps Retry-After
                 * @default 1h
                 */
                maximumInterval?: string | number;
            } | null;
            /** @description explicit credentials, with accessKeyId */
            secretAccessKey?: string | null;
            /**
             * @description per-attempt timeout (max 2m)
             * @default 10s
             */
            timeout?: (string | number) | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            topic?: null;
            /** @description a delivery not done this long after acceptance (or deliverAt) ends "expired"; an event’s own ttl may be shorter */
            ttl?: (string | number) | null;
            /** @enum {string} */
            type?: "sqs";
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            url?: null;
        } | {
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            accessKeyId?: null;
            /** @description circuit breaker (default: on, 5 failures, 30s cool-down); replaces the tenant’s defaults.breaker whole */
            breaker?: {
                /**
                 * @description open (or probing) this long without closing disables the destination (API ones); 0: never
                 * @default 24h
                 */
                autoDisableAfter?: string | number;
                /**
                 * @description open this long before the first probes; doubles each time probing fails
                 * @default 30s
                 */
                coolDown?: string | number;
                /**
                 * @description false: attempts always go, however many fail
                 * @default true
                 */
                enabled?: boolean;
                /** @description also open when at least this share of the attempts in one window failed (absent: consecutive failures only; set, every attempt is counted in the shared health) */
                failureRatio?: number;
                /**
                 * @description consecutive failed attempts that open it
                 * @default 5
                 */
                failures?: number;
                /**
                 * @description the longest the cool-down grows to
                 * @default 10m
                 */
                maxCoolDown?: string | number;
                /**
                 * @description attempts a window needs before failureRatio can open it
                 * @default 20
                 */
                minimumAttempts?: number;
                /**
                 * @description attempts let through at once while half open: the first back well closes it, this many failed open it again
                 * @default 3
                 */
                probes?: number;
                /**
                 * @description the window failureRatio is counted over (one window after another)
                 * @default 60s
                 */
                window?: string | number;
            } | null;
            /** @description bootstrap servers, host:port */
            brokers?: string[];
            /**
             * @description client.id shown in broker logs and quotas
             * @default barrage
             */
            clientId?: string | null;
            /** @description destination id that receives events this one failed */
            deadLetter?: string | null;
            description?: string;
            /** @description a disabled destination is not matched for new events */
            disabled?: boolean;
            /**
             * @description while disabled, its waiting deliveries wait this long to be enabled again, then end "cancelled"
             * @default 7d
             */
            disabledRetention?: (string | number) | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            endpoint?: null;
            /**
             * @description event types: exact, "prefix.*", or "*"
             * @default [
             *       "*"
             *     ]
             */
            events?: string[] | null;
            /**
             * @description only events this JSON filter matches (on type, source, data, metadata): plain values mean equality; operators $eq $neq $in $nin $gt $gte $lt $lte $exist $startsWith $endsWith $contains $and $or $not; at most 16 levels and 8192 bytes
             * @example {
             *       "data": {
             *         "amount": {
             *           "$gte": 1000
             *         },
             *         "currency": {
             *           "$in": [
             *             "EUR",
             *             "USD"
             *           ]
             *         }
             *       }
             *     }
             */
            filter?: {
                [key: string]: components["schemas"]["JsonValue"];
            } | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            headers?: null;
            /**
             * @description message key (partitioning): the event id by default
             * @default {
             *       "eventId": true
             *     }
             */
            key?: ({
                /** @enum {boolean} */
                eventId: true;
            } | {
                /** @description dotted path into a JSON body, like $.data.id */
                jsonPath: string;
            } | {
                /** @description a constant */
                fixed: string;
            } | {
                /** @enum {boolean} */
                idempotencyKey: true;
            }) | null;
            /** @description extra librdkafka properties, e.g. security.protocol, sasl.mechanisms, sasl.username */
            librdkafka?: {
                [key: string]: string | number | boolean;
            } | null;
            /** @description attempts in flight to it at once, across all workers; more wait (no attempt used) */
            maxInFlight?: number | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            messageGroupId?: null;
            /** @description string map, stored and shown as given */
            metadata?: {
                [key: string]: string;
            };
            /**
             * @description new events still match and queue; attempts wait (no attempt used) until it is resumed
             * @default false
             */
            paused?: boolean | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            queueUrl?: null;
            /** @description attempts beyond it wait in Temporal (no attempt used); up to one second’s worth, or burst, may go at once */
            rateLimit?: {
                /** @description attempts that may go at once after a quiet spell, across all workers (default: one second’s worth); at most perSecond + burst in any second */
                burst?: number;
                /** @description attempts per second, across all workers */
                perSecond: number;
            } | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            region?: null;
            /**
             * @description backoff between attempts
             * @default {}
             */
            retry?: {
                /**
                 * @description each wait is this many times the previous
                 * @default 2
                 */
                backoffCoefficient?: number;
                /** @description no attempt starts later than this after the first */
                horizon?: string | number;
                /**
                 * @description wait before the 2nd attempt
                 * @default 5s
                 */
                initialInterval?: string | number;
                /**
                 * @description random spread of each wait, ±fraction
                 * @default 0.2
                 */
                jitter?: number;
                /**
                 * @description attempts before the delivery fails
                 * @default 10
                 */
                maximumAttempts?: number;
                /**
                 * @description longest wait between attempts; also caps Retry-After
                 * @default 1h
                 */
                maximumInterval?: string | number;
            } | null;
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            secretAccessKey?: null;
            /**
             * @description per-attempt timeout (max 2m)
             * @default 10s
             */
            timeout?: (string | number) | null;
            /** @description topic to produce to (must exist) */
            topic?: string;
            /** @description a delivery not done this long after acceptance (or deliverAt) ends "expired"; an event’s own ttl may be shorter */
            ttl?: (string | number) | null;
            /** @enum {string} */
            type?: "kafka";
            /**
             * @description a field of another type: null removes it when the type changes
             * @enum {string|null}
             */
            url?: null;
        };
        /** @description the fields of the destination’s type (`type`, default http) plus id, description, metadata, disabled; deadLetter must name another destination of the tenant */
        DestinationRequest: {
            /** @description circuit breaker (default: on, 5 failures, 30s cool-down); replaces the tenant’s defaults.breaker whole */
            breaker?: {
                /**
                 * @description open (or probing) this long without closing disables the destination (API ones); 0: never
                 * @default 24h
                 */
                autoDisableAfter?: string | number;
                /**
                 * @description open this long before the first probes; doubles each time probing fails
                 * @default 30s
                 */
                coolDown?: string | number;
                /**
                 * @description false: attempts always go, however many fail
                 * @default true
                 */
                enabled?: boolean;
                /** @description also open when at least this share of the attempts in one window failed (absent: consecutive failures only; set, every attempt is counted in the shared health) */
                failureRatio?: number;
                /**
                 * @description consecutive failed attempts that open it
                 * @default 5
                 */
                failures?: number;
                /**
                 * @description the longest the cool-down grows to
                 * @default 10m
                 */
                maxCoolDown?: string | number;
                /**
                 * @description attempts a window needs before failureRatio can open it
                 * @default 20
                 */
                minimumAttempts?: number;
                /**
                 * @description attempts let through at once while half open: the first back well closes it, this many failed open it again
                 * @default 3
                 */
                probes?: number;
                /**
                 * @description the window failureRatio is counted over (one window after another)
                 * @default 60s
                 */
                window?: string | number;
            };
            /** @description destination id that receives events this one failed */
            deadLetter?: string;
            description?: string;
            /** @description a disabled destination is not matched for new events */
            disabled?: boolean;
            /**
             * @description while disabled, its waiting deliveries wait this long to be enabled again, then end "cancelled"
             * @default 7d
             */
            disabledRetention?: string | number;
            /**
             * @description event types: exact, "prefix.*", or "*"
             * @default [
             *       "*"
             *     ]
             */
            events?: string[];
            /**
             * @description only events this JSON filter matches (on type, source, data, metadata): plain values mean equality; operators $eq $neq $in $nin $gt $gte $lt $lte $exist $startsWith $endsWith $contains $and $or $not; at most 16 levels and 8192 bytes
             * @example {
             *       "data": {
             *         "amount": {
             *           "$gte": 1000
             *         },
             *         "currency": {
             *           "$in": [
             *             "EUR",
             *             "USD"
             *           ]
             *         }
             *       }
             *     }
             */
            filter?: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /**
             * @description extra request headers
             * @default {}
             */
            headers?: {
                [key: string]: string;
            };
            /** @description unique in the tenant; generated (dst_…) when absent; not "to" or "deadLetter" */
            id?: string;
            /** @description attempts in flight to it at once, across all workers; more wait (no attempt used) */
            maxInFlight?: number;
            /** @description string map, stored and shown as given */
            metadata?: {
                [key: string]: string;
            };
            /**
             * @description new events still match and queue; attempts wait (no attempt used) until it is resumed
             * @default false
             */
            paused?: boolean;
            /** @description attempts beyond it wait in Temporal (no attempt used); up to one second’s worth, or burst, may go at once */
            rateLimit?: {
                /** @description attempts that may go at once after a quiet spell, across all workers (default: one second’s worth); at most perSecond + burst in any second */
                burst?: number;
                /** @description attempts per second, across all workers */
                perSecond: number;
            };
            /**
             * @description backoff between attempts
             * @default {}
             */
            retry?: {
                /**
                 * @description each wait is this many times the previous
                 * @default 2
                 */
                backoffCoefficient?: number;
                /** @description no attempt starts later than this after the first */
                horizon?: string | number;
                /**
                 * @description wait before the 2nd attempt
                 * @default 5s
                 */
                initialInterval?: string | number;
                /**
                 * @description random spread of each wait, ±fraction
                 * @default 0.2
                 */
                jitter?: number;
                /**
                 * @description attempts before the delivery fails
                 * @default 10
                 */
                maximumAttempts?: number;
                /**
                 * @description longest wait between attempts; also caps Retry-After
                 * @default 1h
                 */
                maximumInterval?: string | number;
            };
            /** @description Standard Webhooks signing secret (http); generated when absent */
            secret?: string;
            /**
             * @description per-attempt timeout (max 2m)
             * @default 10s
             */
            timeout?: string | number;
            /** @description a delivery not done this long after acceptance (or deliverAt) ends "expired"; an event’s own ttl may be shorter */
            ttl?: string | number;
            /**
             * @description destination kind: http, sqs or kafka (default http)
             * @enum {string}
             */
            type?: "http";
            /**
             * Format: uri
             * @description where deliveries are POSTed; user:password in it is sent as Basic auth
             */
            url: string;
        } | {
            /** @description explicit credentials (default: AWS environment/profile/role) */
            accessKeyId?: string;
            /** @description circuit breaker (default: on, 5 failures, 30s cool-down); replaces the tenant’s defaults.breaker whole */
            breaker?: {
                /**
                 * @description open (or probing) this long without closing disables the destination (API ones); 0: never
                 * @default 24h
                 */
                autoDisableAfter?: string | number;
                /**
                 * @description open this long before the first probes; doubles each time probing fails
                 * @default 30s
                 */
                coolDown?: string | number;
                /**
                 * @description false: attempts always go, however many fail
                 * @default true
                 */
                enabled?: boolean;
                /** @description also open when at least this share of the attempts in one window failed (absent: consecutive failures only; set, every attempt is counted in the shared health) */
                failureRatio?: number;
                /**
                 * @description consecutive failed attempts that open it
                 * @default 5
                 */
                failures?: number;
                /**
                 * @description the longest the cool-down grows to
                 * @default 10m
                 */
                maxCoolDown?: string | number;
                /**
                 * @description attempts a window needs before failureRatio can open it
                 * @default 20
                 */
                minimumAttempts?: number;
                /**
                 * @description attempts let through at once while half open: the first back well closes it, this many failed open it again
                 * @default 3
                 */
                probes?: number;
                /**
                 * @description the window failureRatio is counted over (one window after another)
                 * @default 60s
                 */
                window?: string | number;
            };
            /** @description destination id that receives events this one failed */
            deadLetter?: string;
            description?: string;
            /** @description a disabled destination is not matched for new events */
            disabled?: boolean;
            /**
             * @description while disabled, its waiting deliveries wait this long to be enabled again, then end "cancelled"
             * @default 7d
             */
            disabledRetention?: string | number;
            /**
             * Format: uri
             * @description SQS endpoint (default: the queue URL’s origin for non-AWS hosts, else the regional endpoint)
             */
            endpoint?: string;
            /**
             * @description event types: exact, "prefix.*", or "*"
             * @default [
             *       "*"
             *     ]
             */
            events?: string[];
            /**
             * @description only events this JSON filter matches (on type, source, data, metadata): plain values mean equality; operators $eq $neq $in $nin $gt $gte $lt $lte $exist $startsWith $endsWith $contains $and $or $not; at most 16 levels and 8192 bytes
             * @example {
             *       "data": {
             *         "amount": {
             *           "$gte": 1000
             *         },
             *         "currency": {
             *           "$in": [
             *             "EUR",
             *             "USD"
             *           ]
             *         }
             *       }
             *     }
             */
            filter?: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /** @description unique in the tenant; generated (dst_…) when absent; not "to" or "deadLetter" */
            id?: string;
            /** @description attempts in flight to it at once, across all workers; more wait (no attempt used) */
            maxInFlight?: number;
            /** @description FIFO queues: where MessageGroupId comes from (required for .fifo queue URLs) */
            messageGroupId?: {
                /** @description dotted path into a JSON body, like $.data.id */
                jsonPath: string;
            } | {
                /** @description a constant */
                fixed: string;
            } | {
                /** @enum {boolean} */
                eventType: true;
            };
            /** @description string map, stored and shown as given */
            metadata?: {
                [key: string]: string;
            };
            /**
             * @description new events still match and queue; attempts wait (no attempt used) until it is resumed
             * @default false
             */
            paused?: boolean;
            /**
             * Format: uri
             * @description the queue URL
             */
            queueUrl: string;
            /** @description attempts beyond it wait in Temporal (no attempt used); up to one second’s worth, or burst, may go at once */
            rateLimit?: {
                /** @description attempts that may go at once after a quiet spell, across all workers (default: one second’s worth); at most perSecond + burst in any second */
                burst?: number;
                /** @description attempts per second, across all workers */
                perSecond: number;
            };
            /**
             * @description AWS region
             * @default us-east-1
             */
            region?: string;
            /**
             * @description backoff between attempts
             * @default {}
             */
            retry?: {
                /**
                 * @description each wait is this many times the previous
                 * @default 2
                 */
                backoffCoefficient?: number;
                /** @description no attempt starts later than this after the first */
                horizon?: string | number;
                /**
                 * @description wait before the 2nd attempt
                 * @default 5s
                 */
                initialInterval?: string | number;
                /**
                 * @description random spread of each wait, ±fraction
                 * @default 0.2
                 */
                jitter?: number;
                /**
                 * @description attempts before the delivery fails
                 * @default 10
                 */
                maximumAttempts?: number;
                /**
                 * @description longest wait between attempts; also caps Retry-After
                 * @default 1h
                 */
                maximumInterval?: string | number;
            };
            secret?: unknown;
            /** @description explicit credentials, with accessKeyId */
            secretAccessKey?: string;
            /**
             * @description per-attempt timeout (max 2m)
             * @default 10s
             */
            timeout?: string | number;
            /** @description a delivery not done this long after acceptance (or deliverAt) ends "expired"; an event’s own ttl may be shorter */
            ttl?: string | number;
            /**
             * @description destination kind: http, sqs or kafka (default http)
             * @enum {string}
             */
            type: "sqs";
        } | {
            /** @description circuit breaker (default: on, 5 failures, 30s cool-down); replaces the tenant’s defaults.breaker whole */
            breaker?: {
                /**
                 * @description open (or probing) this long without closing disables the destination (API ones); 0: never
                 * @default 24h
                 */
                autoDisableAfter?: string | number;
                /**
                 * @description open this long before the first probes; doubles each time probing fails
                 * @default 30s
                 */
                coolDown?: string | number;
                /**
                 * @description false: attempts always go, however many fail
                 * @default true
                 */
                enabled?: boolean;
                /** @description also open when at least this share of the attempts in one window failed (absent: consecutive failures only; set, every attempt is counted in the shared health) */
                failureRatio?: number;
                /**
                 * @description consecutive failed attempts that open it
                 * @default 5
                 */
                failures?: number;
                /**
                 * @description the longest the cool-down grows to
                 * @default 10m
                 */
                maxCoolDown?: string | number;
                /**
                 * @description attempts a window needs before failureRatio can open it
                 * @default 20
                 */
                minimumAttempts?: number;
                /**
                 * @description attempts let through at once while half open: the first back well closes it, this many failed open it again
                 * @default 3
                 */
                probes?: number;
                /**
                 * @description the window failureRatio is counted over (one window after another)
                 * @default 60s
                 */
                window?: string | number;
            };
            /** @description bootstrap servers, host:port */
            brokers: string[];
            /**
             * @description client.id shown in broker logs and quotas
             * @default barrage
             */
            clientId?: string;
            /** @description destination id that receives events this one failed */
            deadLetter?: string;
            description?: string;
            /** @description a disabled destination is not matched for new events */
            disabled?: boolean;
            /**
             * @description while disabled, its waiting deliveries wait this long to be enabled again, then end "cancelled"
             * @default 7d
             */
            disabledRetention?: string | number;
            /**
             * @description event types: exact, "prefix.*", or "*"
             * @default [
             *       "*"
             *     ]
             */
            events?: string[];
            /**
             * @description only events this JSON filter matches (on type, source, data, metadata): plain values mean equality; operators $eq $neq $in $nin $gt $gte $lt $lte $exist $startsWith $endsWith $contains $and $or $not; at most 16 levels and 8192 bytes
             * @example {
             *       "data": {
             *         "amount": {
             *           "$gte": 1000
             *         },
             *         "currency": {
             *           "$in": [
             *             "EUR",
             *             "USD"
             *           ]
             *         }
             *       }
             *     }
             */
            filter?: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /** @description unique in the tenant; generated (dst_…) when absent; not "to" or "deadLetter" */
            id?: string;
            /**
             * @description message key (partitioning): the event id by default
             * @default {
             *       "eventId": true
             *     }
             */
            key?: {
                /** @enum {boolean} */
                eventId: true;
            } | {
                /** @description dotted path into a JSON body, like $.data.id */
                jsonPath: string;
            } | {
                /** @description a constant */
                fixed: string;
            } | {
                /** @enum {boolean} */
                idempotencyKey: true;
            };
            /** @description extra librdkafka properties, e.g. security.protocol, sasl.mechanisms, sasl.username */
            librdkafka?: {
                [key: string]: string | number | boolean;
            };
            /** @description attempts in flight to it at once, across all workers; more wait (no attempt used) */
            maxInFlight?: number;
            /** @description string map, stored and shown as given */
            metadata?: {
                [key: string]: string;
            };
            /**
             * @description new events still match and queue; attempts wait (no attempt used) until it is resumed
             * @default false
             */
            paused?: boolean;
            /** @description attempts beyond it wait in Temporal (no attempt used); up to one second’s worth, or burst, may go at once */
            rateLimit?: {
                /** @description attempts that may go at once after a quiet spell, across all workers (default: one second’s worth); at most perSecond + burst in any second */
                burst?: number;
                /** @description attempts per second, across all workers */
                perSecond: number;
            };
            /**
             * @description backoff between attempts
             * @default {}
             */
            retry?: {
                /**
                 * @description each wait is this many times the previous
                 * @default 2
                 */
                backoffCoefficient?: number;
                /** @description no attempt starts later than this after the first */
                horizon?: string | number;
                /**
                 * @description wait before the 2nd attempt
                 * @default 5s
                 */
                initialInterval?: string | number;
                /**
                 * @description random spread of each wait, ±fraction
                 * @default 0.2
                 */
                jitter?: number;
                /**
                 * @description attempts before the delivery fails
                 * @default 10
                 */
                maximumAttempts?: number;
                /**
                 * @description longest wait between attempts; also caps Retry-After
                 * @default 1h
                 */
                maximumInterval?: string | number;
            };
            secret?: unknown;
            /**
             * @description per-attempt timeout (max 2m)
             * @default 10s
             */
            timeout?: string | number;
            /** @description topic to produce to (must exist) */
            topic: string;
            /** @description a delivery not done this long after acceptance (or deliverAt) ends "expired"; an event’s own ttl may be shorter */
            ttl?: string | number;
            /**
             * @description destination kind: http, sqs or kafka (default http)
             * @enum {string}
             */
            type: "kafka";
        };
        DestinationStats: {
            /** @description attempts that ran (held ones are not attempts) */
            attempts: number;
            /** @description attempts the destination took */
            delivered: number;
            /** @description deliveries not yet final now (Temporal visibility); absent if it did not answer */
            deliveriesWaiting?: number;
            destination: string;
            /** @description attempts that failed (retried or not) */
            failed: number;
            /** @description start of the first point */
            from: string;
            /** @description the newest attempt any worker recorded (kept beyond the window) */
            lastAttempt?: {
                at: string;
                error?: string;
                /** @enum {string} */
                outcome: "delivered" | "retryable" | "permanent" | "cancelled";
                statusCode?: number;
            };
            /** @description attempt duration percentiles (from a log-scale sketch: within about 19 %) */
            latencyMs?: {
                p50: number;
                p95: number;
                p99: number;
            };
            /** @description one point per minute (1h) or hour, oldest first, empty points included */
            series: {
                at: string;
                attempts: number;
                delivered: number;
                failed: number;
                p95Ms?: number;
            }[];
            /** @description delivered ÷ attempts; null without attempts */
            successRatio: number | null;
            /** @enum {string} */
            window: "1h" | "24h" | "7d";
        };
        Erasure: {
            /** @description events whose every workflow was deleted from Temporal */
            erased: number;
            errors: number;
            /** @description events the filter looked at and left */
            examined: number;
            finishedAt?: string;
            id: string;
            links: {
                self: string;
                temporalUi?: string;
            };
            /** @description ids that were not there (or no longer) */
            notFound: number;
            startedAt: string;
            /** @enum {string} */
            status: "running" | "completed" | "cancelled" | "failed";
            /** @description eventIds, or filterFields (the filter’s field names: its values are never shown) with since and until */
            target: {
                [key: string]: unknown;
            };
        };
        ErasureRequest: {
            /** @description these events (unknown ones are counted notFound) */
            eventIds: string[];
        } | {
            /**
             * @description the events this filter matches (as destination filters: type, source, data, metadata; e.g. {"data.customerId": "c_123"})
             * @example {
             *       "data": {
             *         "amount": {
             *           "$gte": 1000
             *         },
             *         "currency": {
             *           "$in": [
             *             "EUR",
             *             "USD"
             *           ]
             *         }
             *       }
             *     }
             */
            filter: {
                [key: string]: components["schemas"]["JsonValue"];
            };
            /** @description among the events accepted at or after this time */
            since: string & (string);
            /** @description … and at or before this one */
            until?: string & (string);
        };
        Error: {
            error: {
                code: string;
                details?: unknown;
                message: string;
            };
        };
        EventList: {
            events: {
                destinations: string[];
                id: string;
                links: {
                    self: string;
                    temporalUi?: string;
                };
                receivedAt: string;
                source: string;
                type: string;
            }[];
            /** @description pass as ?cursor= for the next page; absent on the last page */
            nextCursor?: string;
        };
        EventPayload: {
            body: string;
            contentType: string;
            /**
             * @description utf8: body is the text as received; base64: the bytes were not UTF-8
             * @enum {string}
             */
            encoding: "utf8" | "base64";
            id: string;
        };
        EventRequest: {
            /** @description the payload delivered to destinations, as JSON */
            data: components["schemas"]["JsonValue"];
            /** @description scheduled delivery: no attempt before this time (RFC 3339; not in the past, at most limits.maxScheduleAhead ahead) */
            deliverAt?: string & (string);
            /** @description the event id (1–128 of A–Z a–z 0–9 . _ : -): answered, looked up and sent as webhook-id; also the dedupe key. When an Idempotency-Key header is sent too, it must be the same value (400 otherwise) */
            id?: string;
            /** @description string map about the event, not delivered: destination filters may match on it (metadata.<key>) */
            metadata?: {
                [key: string]: string;
            };
            /**
             * @description Temporal task priority of its deliveries and attempts: under a backlog, high goes first (default normal)
             * @enum {string}
             */
            priority?: "high" | "normal" | "low";
            /** @description time to live: a delivery not done this long after acceptance (or deliverAt) ends "expired" */
            ttl?: string | number;
            /** @description event type used for routing */
            type: string;
        };
        EventStatus: {
            destinations: {
                attempts: number;
                /** @description why a cancelled delivery was cancelled, e.g. "destination deleted" */
                cancelReason?: string;
                /** @description set when the delivery failed and had a dead-letter target: how that dead letter fared */
                deadLetter?: {
                    attempts: number;
                    /** @description "destination deleted": the target is gone and nobody got the dead letter */
                    cancelReason?: string;
                    destination: string;
                    lastError?: string;
                    /**
                     * @description "pending" until the failed delivery has started it
                     * @enum {string}
                     */
                    status: "pending" | "delivering" | "retrying" | "delivered" | "failed" | "cancelled" | "scheduled" | "expired";
                };
                deadLetteredTo?: string;
                destination: string;
                /** @description when an unfinished delivery stops trying (its ttl); past it the status is "expired" */
                expiresAt?: string;
                lastAttempt?: {
                    attempt: number;
                    durationMs: number;
                    error?: string;
                    /** @enum {string} */
                    outcome: "delivered" | "retryable" | "permanent" | "cancelled";
                    responseExcerpt?: string;
                    retryAfterMs?: number;
                    startedAt: string;
                    statusCode?: number;
                };
                /** @description when the next attempt is due: after a backoff, or the scheduled deliverAt */
                nextAttemptAt?: string;
                /** @enum {string} */
                status: "pending" | "delivering" | "retrying" | "delivered" | "failed" | "cancelled" | "scheduled" | "expired";
                /** @description the delivery workflow (<event>~<destination>; <event>.<destination> for an event accepted before delivery IDs used "~"); absent while pending */
                workflowId?: string;
            }[];
            id: string;
            idempotencyKey?: string;
            links?: {
                self: string;
                temporalUi?: string;
            };
            /** @description the SQS message or Kafka record this callback was read from */
            origin?: {
                messageId: string;
                queueUrl: string;
                /** @enum {string} */
                type: "sqs";
            } | {
                offset: string;
                partition: number;
                topic: string;
                /** @enum {string} */
                type: "kafka";
            };
            receivedAt: string;
            source: string;
            /**
             * @description in flight while any delivery is, else the worst final one; "delivered" when it had no destination
             * @enum {string}
             */
            status: "pending" | "delivering" | "retrying" | "delivered" | "failed" | "cancelled" | "scheduled" | "expired";
            type: string;
        };
        EventType: {
            createdAt: string;
            deprecated: boolean;
            description: string;
            example?: unknown;
            name: string;
            schema?: {
                [key: string]: unknown;
            };
            updatedAt: string;
        };
        EventTypeList: {
            eventTypes: components["schemas"]["EventType"][];
            nextCursor?: string;
        };
        /** @description fields to change; a field left out stays as it is */
        EventTypePatch: {
            deprecated?: boolean;
            description?: string;
            /** @description replaces the example; null removes it */
            example?: components["schemas"]["JsonValue"];
            /** @description replaces the schema; null removes it (events are then not checked) */
            schema?: {
                [key: string]: components["schemas"]["JsonValue"];
            } | null;
        };
        EventTypeRequest: {
            /** @description still accepted; shown as deprecated */
            deprecated?: boolean;
            description?: string;
            /** @description an example of data; it must meet the schema */
            example?: components["schemas"]["JsonValue"];
            /** @description the event type, as events carry it in "type" */
            name: string;
            /** @description JSON Schema 2020-12 that events’ data must meet (at most 64 KiB; `pattern`s run on RE2: no backreferences or lookaround) */
            schema?: {
                [key: string]: components["schemas"]["JsonValue"];
            };
        };
        FilterTest: {
            /** @description the destination would take this event (its events patterns, then its filter) */
            matches: boolean;
            /** @description where it missed: "type", or the field path inside the filter */
            path?: string;
            /** @description what that field failed, e.g. `500 is not $gte 1000` */
            reason?: string;
        };
        FilterTestRequest: {
            event: {
                /** @description the payload as JSON; absent: the payload is not JSON */
                data?: components["schemas"]["JsonValue"];
                metadata?: {
                    [key: string]: string;
                };
                /** @description "api" (default) or an HTTP or queue source id */
                source?: string;
                type: string;
            };
            /**
             * @description a draft filter to try instead of the destination's own (nothing is saved)
             * @example {
             *       "data": {
             *         "amount": {
             *           "$gte": 1000
             *         },
             *         "currency": {
             *           "$in": [
             *             "EUR",
             *             "USD"
             *           ]
             *         }
             *       }
             *     }
             */
            filter?: {
                [key: string]: components["schemas"]["JsonValue"];
            };
        };
        Health: {
            /** @description ok (live) or ready */
            status: string;
        };
        JsonValue: JsonValue;
        PortalSession: {
            /** @description when the session ends */
            expiresAt: string;
            /** @description the session id (ps_…), for audit lines */
            id: string;
            /** @description open this once within 5 minutes: its one-time code becomes a cookie session */
            url: string;
        };
        PortalSessionRequest: {
            /** @description what the session may do (default all): read; manage_endpoints (create, edit, pause, disable, delete); view_secrets; rotate_secrets; replay (bulk replay, retry, cancel); send_test. Controls it lacks are hidden and answer 403 */
            capabilities?: ("read" | "manage_endpoints" | "view_secrets" | "rotate_secrets" | "replay" | "send_test")[];
            /**
             * Format: uri
             * @description where a browser whose session has expired or was revoked is sent (your app, to mint a new one)
             */
            returnUrl?: string;
            /** @description how long the session lasts, counted from minting (default 1h, at most 24h) */
            ttl?: string | number;
        };
        PortalSessionsRevoked: {
            /** @description live sessions ended (their next request shows the ended page or returnUrl) */
            revoked: number;
        };
        Replay: {
            errors: number;
            filter: {
                destination?: string;
                eventTypes?: string[];
                since: string;
                statuses: ("failed" | "cancelled" | "expired" | "delivered")[];
                until?: string;
            };
            finishedAt?: string;
            id: string;
            links: {
                self: string;
                temporalUi?: string;
            };
            /** @description deliveries in the window whose latest run had one of the statuses */
            matched: number;
            /** @description sent again (same event id and webhook-id; their attempts continue the same list) */
            replayed: number;
            /** @description matched but not sent again: changed since, or the destination is gone */
            skipped: number;
            startedAt: string;
            /** @enum {string} */
            status: "running" | "completed" | "cancelled" | "failed";
        };
        ReplayList: {
            nextCursor?: string;
            replays: {
                filter: {
                    destination?: string;
                    eventTypes?: string[];
                    since: string;
                    statuses: ("failed" | "cancelled" | "expired" | "delivered")[];
                    until?: string;
                };
                finishedAt?: string;
                id: string;
                links: {
                    self: string;
                    temporalUi?: string;
                };
                startedAt: string;
                /** @enum {string} */
                status: "running" | "completed" | "cancelled" | "failed";
            }[];
        };
        ReplayPreview: {
            /** @description finished delivery runs in the window with one of the statuses (event types and superseded runs are told apart when sending) */
            matched: number;
        };
        ReplayRequest: {
            /** @description only deliveries to this destination */
            destination?: string;
            /** @description only these event types ("order.*" patterns) */
            eventTypes?: string[];
            /** @description deliveries whose latest run started at or after this time (RFC 3339) */
            since: string & (string);
            /**
             * @description which final statuses are sent again (default failed; delivered resends what was taken)
             * @default [
             *       "failed"
             *     ]
             */
            statuses?: ("failed" | "cancelled" | "expired" | "delivered")[];
            /** @description … and at or before this one (default: now, as the replay pages) */
            until?: string & (string);
        };
        RetryRequest: {
            /** @description only this destination. Default: every destination of the event — failed and cancelled ones start again (attempt numbers continue), one waiting for its next attempt makes it now, the others are skipped */
            destination?: string;
        };
        RetryResponse: {
            id: string;
            /** @description destinations started again or told to attempt now */
            retried: string[];
            /** @description already delivered, or in progress with no wait to skip */
            skipped: string[];
        };
        RotateRequest: {
            /**
             * @description e.g. "24h" (default), at most "7d"
             * @default 24h
             */
            overlap?: string | number;
            /** @description the new secret; generated when absent */
            secret?: string;
        };
        Secrets: {
            id: string;
            secrets: {
                createdAt?: string;
                /** @description when it stops signing (set while a rotation overlaps) */
                expiresAt?: string;
                id: string;
                secret: string;
            }[];
        };
        Tenant: {
            createdAt?: string;
            /** @description what its destinations have when they set nothing (durations in milliseconds) */
            defaults?: {
                [key: string]: unknown;
            };
            /** @description how many destinations it has */
            destinations: number;
            id: string;
            /** @description its own limits */
            limits?: {
                maxDestinations?: number;
            };
            /** @enum {string} */
            managedBy: "config" | "api";
            namespace: string;
            /** @description where Barrage’s own events about this tenant go */
            operatorDestination?: string;
            /** @description its own portal brand (over the hub’s) */
            portal?: {
                brand?: {
                    [key: string]: string;
                };
            };
            /** @description events of types not in its catalog are refused */
            requireKnownEventTypes: boolean;
            /** @description its namespace’s retention in milliseconds, when set for it (else temporal.namespaceRetention) */
            retention?: number;
        };
        TenantDeleted: {
            /** @enum {boolean} */
            deleted: true;
            id: string;
            namespace: string;
            /** @enum {boolean} */
            namespaceKept: true;
            note: string;
        };
        TenantList: {
            nextCursor?: string;
            tenants: components["schemas"]["Tenant"][];
        };
        /** @description settings to change; a field left out stays as it is */
        TenantPatch: {
            /** @description replaces the defaults as a whole (ttl, rateLimit, breaker, maxInFlight); null removes them */
            defaults?: {
                /** @description for destinations without their own breaker */
                breaker?: {
                    /**
                     * @description open (or probing) this long without closing disables the destination (API ones); 0: never
                     * @default 24h
                     */
                    autoDisableAfter?: string | number;
                    /**
                     * @description open this long before the first probes; doubles each time probing fails
                     * @default 30s
                     */
                    coolDown?: string | number;
                    /**
                     * @description false: attempts always go, however many fail
                     * @default true
                     */
                    enabled?: boolean;
                    /** @description also open when at least this share of the attempts in one window failed (absent: consecutive failures only; set, every attempt is counted in the shared health) */
                    failureRatio?: number;
                    /**
                     * @description consecutive failed attempts that open it
                     * @default 5
                     */
                    failures?: number;
                    /**
                     * @description the longest the cool-down grows to
                     * @default 10m
                     */
                    maxCoolDown?: string | number;
                    /**
                     * @description attempts a window needs before failureRatio can open it
                     * @default 20
                     */
                    minimumAttempts?: number;
                    /**
                     * @description attempts let through at once while half open: the first back well closes it, this many failed open it again
                     * @default 3
                     */
                    probes?: number;
                    /**
                     * @description the window failureRatio is counted over (one window after another)
                     * @default 60s
                     */
                    window?: string | number;
                };
                /** @description for destinations without their own maxInFlight */
                maxInFlight?: number;
                /** @description for destinations without their own rateLimit */
                rateLimit?: {
                    /** @description attempts that may go at once after a quiet spell, across all workers (default: one second’s worth); at most perSecond + burst in any second */
                    burst?: number;
                    /** @description attempts per second, across all workers */
                    perSecond: number;
                };
                /** @description for destinations without their own ttl */
                ttl?: string | number;
            } | null;
            /** @description replaces its limits as a whole; null: the hub’s */
            limits?: {
                /** @description its destinations, instead of limits.maxDestinationsPerTenant */
                maxDestinations?: number;
            } | null;
            /** @description a destination of this tenant that receives Barrage’s own events about it (barrage.destination.disabled); null removes it */
            operatorDestination?: string | null;
            /** @description its portal’s brand, field by field over the hub’s portal.brand; replaces it as a whole; null: the hub’s */
            portal?: {
                /** @description instead of the hub’s portal.brand, field by field */
                brand?: {
                    /**
                     * Format: uri
                     * @description an http(s) image shown beside the name (the portal’s CSP allows https images and this origin)
                     */
                    logoUrl?: string;
                    /** @description shown in the page header and title (default Barrage) */
                    name?: string;
                    /** @description buttons, the header rule and the current tab, as #rrggbb */
                    primaryColor?: string;
                    /**
                     * @description light, dark, or auto (the browser’s setting; default)
                     * @enum {string}
                     */
                    theme?: "light" | "dark" | "auto";
                };
            } | null;
            /** @description refuse events whose type is not in its event-type catalog; null: false */
            requireKnownEventTypes?: boolean | null;
            /** @description its namespace’s retention, applied to the namespace at once (1d–3650d); null: temporal.namespaceRetention */
            retention?: (string | number) | null;
        };
        TenantRequest: {
            /** @description what its destinations have when they set nothing: ttl, rateLimit, breaker, maxInFlight */
            defaults?: {
                /** @description for destinations without their own breaker */
                breaker?: {
                    /**
                     * @description open (or probing) this long without closing disables the destination (API ones); 0: never
                     * @default 24h
                     */
                    autoDisableAfter?: string | number;
                    /**
                     * @description open this long before the first probes; doubles each time probing fails
                     * @default 30s
                     */
                    coolDown?: string | number;
                    /**
                     * @description false: attempts always go, however many fail
                     * @default true
                     */
                    enabled?: boolean;
                    /** @description also open when at least this share of the attempts in one window failed (absent: consecutive failures only; set, every attempt is counted in the shared health) */
                    failureRatio?: number;
                    /**
                     * @description consecutive failed attempts that open it
                     * @default 5
                     */
                    failures?: number;
                    /**
                     * @description the longest the cool-down grows to
                     * @default 10m
                     */
                    maxCoolDown?: string | number;
                    /**
                     * @description attempts a window needs before failureRatio can open it
                     * @default 20
                     */
                    minimumAttempts?: number;
                    /**
                     * @description attempts let through at once while half open: the first back well closes it, this many failed open it again
                     * @default 3
                     */
                    probes?: number;
                    /**
                     * @description the window failureRatio is counted over (one window after another)
                     * @default 60s
                     */
                    window?: string | number;
                };
                /** @description for destinations without their own maxInFlight */
                maxInFlight?: number;
                /** @description for destinations without their own rateLimit */
                rateLimit?: {
                    /** @description attempts that may go at once after a quiet spell, across all workers (default: one second’s worth); at most perSecond + burst in any second */
                    burst?: number;
                    /** @description attempts per second, across all workers */
                    perSecond: number;
                };
                /** @description for destinations without their own ttl */
                ttl?: string | number;
            };
            /** @description lowercase letters, digits, - and _ (max 63): it is also the default namespace */
            id: string;
            /** @description Temporal namespace (default: the tenant id) */
            namespace?: string;
        };
        TenantStats: {
            /** @description attempts that ran (held ones are not attempts) */
            attempts: number;
            /** @description attempts the destination took */
            delivered: number;
            /** @description deliveries not yet final now (Temporal visibility); absent if it did not answer */
            deliveriesWaiting?: number;
            /** @description destinations with attempts in the window, busiest first */
            destinations: {
                /** @description attempts that ran (held ones are not attempts) */
                attempts: number;
                /** @description attempts the destination took */
                delivered: number;
                /** @description attempts that failed (retried or not) */
                failed: number;
                id: string;
                /** @description delivered ÷ attempts; null without attempts */
                successRatio: number | null;
            }[];
            /** @description attempts that failed (retried or not) */
            failed: number;
            /** @description start of the first point */
            from: string;
            /** @description the newest attempt to each destination that had one (kept beyond the window) */
            lastAttempts: {
                at: string;
                destination: string;
                error?: string;
                /** @enum {string} */
                outcome: "delivered" | "retryable" | "permanent" | "cancelled";
                statusCode?: number;
            }[];
            /** @description attempt duration percentiles (from a log-scale sketch: within about 19 %) */
            latencyMs?: {
                p50: number;
                p95: number;
                p99: number;
            };
            /** @description one point per minute (1h) or hour, oldest first, empty points included */
            series: {
                at: string;
                attempts: number;
                delivered: number;
                failed: number;
                p95Ms?: number;
            }[];
            /** @description delivered ÷ attempts; null without attempts */
            successRatio: number | null;
            /** @enum {string} */
            window: "1h" | "24h" | "7d";
        };
        TestSent: {
            destination: string;
            /** @description the test event id */
            id: string;
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
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    livez: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.0 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not ready */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description the dedupe key (printable ASCII, 1–255); with a body id, both must be equal */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryRequest"];
            };
        };
        responses: {
            /** @description duplicate of an accepted delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description accepted (recorded by Temporal) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description a bad target, retry, dead letter or payload (every problem by path); destination_not_allowed for a private URL; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the id collides with a delivery of an event accepted before an upgrade */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description too large for Temporal; or body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDeliverySecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the secrets now in use, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Secrets"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateDeliverySecret: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateRequest"];
            };
        };
        responses: {
            /** @description the secrets now in use, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Secrets"];
                };
            };
            /** @description invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an unsupported charset or Content-Encoding (gzip, deflate, br are supported) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDestinations: {
        parameters: {
            query?: {
                /** @description the nextCursor of a previous page of this list; any other value is 400 */
                cursor?: string;
                /** @description only destinations this event type would reach */
                event?: string;
                /** @description true: each with its circuit breaker (health without deliveriesWaiting), in one database read */
                health?: "true" | "false";
                /** @description page size (1–500) */
                limit?: number;
                /** @description only destinations of this type */
                type?: "http" | "sqs" | "kafka";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DestinationList"];
                };
            };
            /** @description a cursor this API did not return; or an invalid query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createDestination: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DestinationRequest"];
            };
        };
        responses: {
            /** @description created (no secret in the answer: GET …/secret) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Destination"];
                };
            };
            /** @description checked against its type’s config schema (every problem by path); destination_not_allowed for a private URL; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description id taken (conflict, managed_by_config) or limits.maxDestinationsPerTenant reached (limit_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDestination: {
        parameters: {
            query?: {
                /** @description false: leave deliveriesWaiting out (a Temporal visibility count; slow on namespaces with many workflows) */
                waiting?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description the destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the destination */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Destination"];
                };
            };
            /** @description malformed percent-encoding in the path; or an invalid query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown destination */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDestination: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown destination */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description defined in the config file */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateDestination: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DestinationPatch"];
            };
        };
        responses: {
            /** @description updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Destination"];
                };
            };
            /** @description checked against its type’s config schema (every problem by path); destination_not_allowed for a private URL; or malformed percent-encoding in the path; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown destination */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description defined in the config file */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    testDestinationFilter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FilterTestRequest"];
            };
        };
        responses: {
            /** @description whether it matches, and where it missed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FilterTest"];
                };
            };
            /** @description an invalid event or filter (by path); or malformed percent-encoding in the path; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown destination */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    pauseDestination: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the destination, with its health */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Destination"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown destination */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description defined in the config file */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a declared body over server.maxBodyBytes (Expect: 100-continue); this route reads none */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeDestination: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the destination, with its health */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Destination"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown destination */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description defined in the config file */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a declared body over server.maxBodyBytes (Expect: 100-continue); this route reads none */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDestinationSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description secrets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Secrets"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown destination */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not an http destination */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateDestinationSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RotateRequest"];
            };
        };
        responses: {
            /** @description the secrets now in use */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Secrets"];
                };
            };
            /** @description malformed percent-encoding in the path; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown destination */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description config-file or not an http destination */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an unsupported charset or Content-Encoding (gzip, deflate, br are supported) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getDestinationStats: {
        parameters: {
            query?: {
                /** @description false: leave deliveriesWaiting out (a Temporal visibility count; slow on namespaces with many workflows) */
                waiting?: "true" | "false";
                /** @description 1h (a point per minute), 24h or 7d (a point per hour) */
                window?: "1h" | "24h" | "7d";
            };
            header?: never;
            path: {
                /** @description the destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the destination’s stats over the window */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DestinationStats"];
                };
            };
            /** @description a window other than 1h, 24h, 7d; or malformed percent-encoding in the path; or an invalid query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown destination */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendTestEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the destination id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSent"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown destination */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a declared body over server.maxBodyBytes (Expect: 100-continue); this route reads none */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startErasure: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ErasureRequest"];
            };
        };
        responses: {
            /** @description started; follow it with GET /v1/erasures/{id} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                };
            };
            /** @description neither eventIds nor a filter with since, or an invalid filter (by path); or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getErasure: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the erasure id (ers_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the erasure */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown erasure */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEventTypes: {
        parameters: {
            query?: {
                /** @description the nextCursor of a previous page of this list; any other value is 400 */
                cursor?: string;
                /** @description only deprecated types, or only current ones */
                deprecated?: "true" | "false";
                /** @description page size (1–500) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventTypeList"];
                };
            };
            /** @description a cursor this API did not return; or an invalid query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createEventType: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventTypeRequest"];
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventType"];
                };
            };
            /** @description a schema that is not JSON Schema 2020-12, or an example that does not meet it (every problem by path); or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description name taken (conflict) or limits.maxEventTypesPerTenant reached */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEventType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the event type name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the event type */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventType"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown event type */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteEventType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the event type name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown event type */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateEventType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the event type name */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventTypePatch"];
            };
        };
        responses: {
            /** @description updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventType"];
                };
            };
            /** @description a schema that is not JSON Schema 2020-12, or an example that does not meet it (every problem by path); or malformed percent-encoding in the path; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown event type */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description only events with a delivery to this destination */
                destination?: string;
                /** @description page size (1–500) */
                limit?: number;
                /** @description started at or after (RFC 3339, e.g. 2026-12-01T09:00:00Z) */
                since?: string & (string);
                /** @description only events with a delivery in this status */
                status?: "pending" | "delivering" | "retrying" | "delivered" | "failed" | "cancelled" | "scheduled" | "expired";
                /** @description only events of this type */
                type?: string;
                /** @description started at or before (RFC 3339) */
                until?: string & (string);
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                };
            };
            /** @description a cursor this API did not return; or an invalid query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createEvent: {
        parameters: {
            query?: never;
            header?: {
                /** @description the dedupe key (printable ASCII, 1–255); with a body id, both must be equal */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EventRequest"];
            };
        };
        responses: {
            /** @description duplicate of an accepted event */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description accepted (recorded by Temporal) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description a bad Idempotency-Key, or one that differs from the body id; data that misses its event type’s schema (schema_mismatch, details by JSON pointer); a type not in the catalog with requireKnownEventTypes (unknown_event_type); or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the id collides with a delivery of an event accepted before an upgrade */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description too large for Temporal with its number of destinations; or body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventStatus"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown event (or another tenant’s) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    eraseEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description erasing; the event is 404 once done (GET /v1/erasures/{id} follows it) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Erasure"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown event */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEventAttempts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description attempts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attempts"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown event (or another tenant’s) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description cancellation requested */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelResponse"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown event (or another tenant’s) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description every delivery is already final */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a declared body over server.maxBodyBytes (Expect: 100-continue); this route reads none */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEventPayload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the payload */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventPayload"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown event (or another tenant’s, or erased) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    retryEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the event id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RetryRequest"];
            };
        };
        responses: {
            /** @description retries started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetryResponse"];
                };
            };
            /** @description malformed percent-encoding in the path; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown event, or a destination it was not routed to */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an unsupported charset or Content-Encoding (gzip, deflate, br are supported) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createEventBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchRequest"];
            };
        };
        responses: {
            /** @description one result per event, in order */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResponse"];
                };
            };
            /** @description invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPortalSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PortalSessionRequest"];
            };
        };
        responses: {
            /** @description minted: send the user to url */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSession"];
                };
            };
            /** @description invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description portal.enabled is false */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an unsupported charset or Content-Encoding (gzip, deflate, br are supported) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokePortalSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every live session of the tenant ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSessionsRevoked"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listReplays: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description page size (1–100) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayList"];
                };
            };
            /** @description a cursor this API did not return; or an invalid query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startReplay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayRequest"];
            };
        };
        responses: {
            /** @description started; follow it with GET /v1/replays/{id} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Replay"];
                };
            };
            /** @description an invalid window, status or pattern; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the replay id (rpl_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the replay */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Replay"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown replay (or another tenant’s) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the replay id (rpl_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the replay as it stands (cancelled once it has stopped) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Replay"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown replay (or another tenant’s) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a declared body over server.maxBodyBytes (Expect: 100-continue); this route reads none */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    previewReplay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayRequest"];
            };
        };
        responses: {
            /** @description the count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayPreview"];
                };
            };
            /** @description an invalid window, status or pattern; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    receiveSourceCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the source id from the config */
                sourceId: string;
            };
            cookie?: never;
        };
        /** @description any content type; delivered byte-for-byte with it */
        requestBody: {
            content: {
                "*/*": string;
            };
        };
        responses: {
            /** @description duplicate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description no valid event type, or an invalid idempotency key; data that misses its event type’s schema (schema_mismatch, details by JSON pointer); a type not in the catalog with requireKnownEventTypes (unknown_event_type); or malformed percent-encoding in the path; or a body that does not match its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description signature or token did not verify */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown source */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the derived id collides with a delivery of an event accepted before an upgrade */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description too large for Temporal with its number of destinations; or body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an unsupported Content-Encoding (gzip, deflate, br are supported) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTenantStats: {
        parameters: {
            query?: {
                /** @description false: leave deliveriesWaiting out (a Temporal visibility count; slow on namespaces with many workflows) */
                waiting?: "true" | "false";
                /** @description 1h (a point per minute), 24h or 7d (a point per hour) */
                window?: "1h" | "24h" | "7d";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the tenant’s stats over the window */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantStats"];
                };
            };
            /** @description a window other than 1h, 24h, 7d; or an invalid query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTenants: {
        parameters: {
            query?: {
                /** @description the nextCursor of a previous page of this list; any other value is 400 */
                cursor?: string;
                /** @description page size (1–500) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantList"];
                };
            };
            /** @description a cursor this API did not return; or an invalid query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantRequest"];
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description id or namespace taken (conflict, managed_by_config) or limits.maxTenants reached (limit_reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description temporal.manageNamespaces is false and the namespace does not exist or lacks search attributes: details name what to create */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Temporal unreachable or too slow; nothing changed, retry (Retry-After) */
            503: {
                headers: {
                    /** @description seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the tenant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the tenant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown tenant (or, for a tenant key, another tenant) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the tenant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantDeleted"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown tenant (or, for a tenant key, another tenant) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description defined in the config file */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the tenant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantPatch"];
            };
        };
        responses: {
            /** @description the tenant as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description operatorDestination names no destination of the tenant; or malformed percent-encoding in the path; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the wrong kind of key (a tenant key on an admin route, or the reverse) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown tenant (or, for a tenant key, another tenant) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description defined in the config file (managed_by_config); retention with temporal.manageNamespaces false (conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description not Content-Type: application/json, or an unsupported charset or Content-Encoding (gzip, deflate, br) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description the nextCursor of a previous page of this list; any other value is 400 */
                cursor?: string;
                /** @description page size (1–500) */
                limit?: number;
            };
            header?: never;
            path: {
                /** @description the tenant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            /** @description malformed percent-encoding in the path; or an invalid query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown tenant (or, for a tenant key, another tenant) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the tenant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ApiKeyRequest"];
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description malformed percent-encoding in the path; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown tenant (or, for a tenant key, another tenant) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description defined in the config file */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an unsupported charset or Content-Encoding (gzip, deflate, br are supported) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the tenant id */
                id: string;
                /** @description the key id */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description unknown tenant or key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description defined in the config file */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createTenantPortalSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the tenant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PortalSessionRequest"];
            };
        };
        responses: {
            /** @description minted: send the user to url */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSession"];
                };
            };
            /** @description malformed percent-encoding in the path; or invalid JSON, nesting over 64 levels, a body that does not match the schema or its Content-Encoding */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such tenant (or another tenant’s) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description portal.enabled is false */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body (declared or decompressed) over server.maxBodyBytes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an unsupported charset or Content-Encoding (gzip, deflate, br are supported) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeTenantPortalSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the tenant id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every live session of the tenant ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSessionsRevoked"];
                };
            };
            /** @description malformed percent-encoding in the path */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing, unknown or revoked key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such tenant (or another tenant’s) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request not received within server.headersTimeout / requestTimeout */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description an Expect header other than 100-continue */
            417: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description request line and headers over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no database: set database.url */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
