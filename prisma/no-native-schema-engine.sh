#!/bin/sh
echo "Lifeboat runs Prisma schema changes through lib/db/migrations (offline WASM engine); the native engine is not used." >&2
exit 1
