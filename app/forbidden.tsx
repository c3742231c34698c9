import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { getSession } from '@/lib/auth/get-session';
import { REQUEST_PATH_HEADER } from '@/lib/auth/request-path-header';
import { signInPath } from '@/lib/auth/sign-in-path';
import { canOpen, NAV_PAGES } from '@/lib/domain/page-access';
import { ROLES } from '@/lib/domain/roles';

export const metadata: Metadata = { title: 'Not allowed (403)' };

/**
 * Rendered with HTTP 403 when requireRole refuses: who you are, what you hold, where you can go.
 * A section, not <main>: Next renders it inside the nearest layout, which may already have one.
 */
export default async function Forbidden() {
  const session = await getSession();
  const here = (await headers()).get(REQUEST_PATH_HEADER) ?? '/';
  const open = session ? NAV_PAGES.filter((page) => canOpen(session.roles, page)) : [];
  return (
    <section aria-labelledby="forbidden-title" className="mx-auto max-w-2xl px-4 py-10">
      <p className="font-mono text-sm text-amber-300">403 · Not allowed</p>
      <h1 id="forbidden-title" className="mt-1 text-2xl font-semibold tracking-tight">This page needs a role you do not hold</h1>
      {session ? (
        <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-800 bg-slate-900 p-4 text-sm">
          <dt className="text-slate-400">Signed in as</dt>
          <dd data-testid="forbidden-user">
            {session.name}
            {session.email ? <span className="text-slate-400"> ({session.email})</span> : null}
          </dd>
          <dt className="text-slate-400">Your roles</dt>
          <dd data-testid="forbidden-roles">{session.roles.length ? session.roles.join(', ') : 'none'}</dd>
        </dl>
      ) : null}
      {session && session.roles.length === 0 ? (
        <p className="mt-6 leading-7 text-slate-300">
          You are signed in, but your account holds no Lifeboat role, so every page is closed to you. Ask your Lifeboat administrator to assign you one of
          the app roles: {ROLES.join(', ')}.
        </p>
      ) : (
        <p className="mt-6 leading-7 text-slate-300">Your roles do not open this page. If you need it, ask your Lifeboat administrator, or sign in as someone who holds the role.</p>
      )}
      {open.length > 0 ? (
        <nav aria-labelledby="open-pages" className="mt-6">
          <h2 id="open-pages" className="text-sm font-semibold uppercase tracking-wide text-slate-400">
            Pages you can open
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {open.map((page) => (
              <li key={page.href}>
                <Link href={page.href} className="inline-block rounded-md border border-slate-700 px-3 py-1.5 text-sm text-sky-300 hover:bg-slate-800">
                  {page.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className="mt-8">
        <a href={signInPath(here, { prompt: 'login' })} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-600">
          Sign in as someone else
        </a>
      </p>
    </section>
  );
}
