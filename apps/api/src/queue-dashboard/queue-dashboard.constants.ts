/** Where the BullMQ dashboard is served, outside the /api/v1 prefix (a page for a browser, not an API). */
export const QUEUE_DASHBOARD_PATH = 'admin/queues';

/**
 * The cookie a browser opens the dashboard with: the admin's access token, set by
 * `POST /api/v1/admin/queues/session` and sent only to the dashboard's path.
 */
export const QUEUE_DASHBOARD_COOKIE = 'eiso_queues';
