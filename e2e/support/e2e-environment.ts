/** Where the browser tests' demo server listens and keeps its data (secrets.json, database, lab certificate). */
export const E2E_PORT = 3100;
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = '.lifeboat/e2e';
/** The e2e demo's embedded PostgreSQL: its own port, so a developer's `npm run demo` can run alongside. */
export const E2E_PG_PORT = 54349;
