import { NextResponse } from 'next/server';
import { getDb } from '@/lib/db/client';
import { pingDatabase } from '@/lib/db/ping-database';

export const dynamic = 'force-dynamic';

/** Liveness for load balancers and the demo launcher: the web process answers and reaches its database. */
export async function GET() {
  try {
    const db = await getDb();
    await pingDatabase(db);
    return NextResponse.json({ status: 'ok', database: 'ok' });
  } catch (error) {
    return NextResponse.json({ status: 'degraded', database: error instanceof Error ? error.message : 'unreachable' }, { status: 503 });
  }
}
