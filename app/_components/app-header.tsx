import { LifeBuoy, LogOut } from 'lucide-react';
import Link from 'next/link';
import type { Session } from '@/lib/auth/session';
import { canOpen, NAV_PAGES } from '@/lib/domain/page-access';
import { NavLinks } from './nav-links';

export function AppHeader({ session }: { session: Session }) {
  const links = NAV_PAGES.map((page) => ({ href: page.href, label: page.label, allowed: canOpen(session.roles, page), needs: page.roles.join(' or ') }));
  return (
    <header className="border-b border-slate-800 bg-slate-900/80">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold text-white">
          <LifeBuoy aria-hidden className="size-6 text-sky-400" />
          Lifeboat
        </Link>
        <NavLinks links={links} />
        <div className="ml-auto flex items-center gap-3 text-sm">
          <p data-testid="current-user" className="text-right leading-tight">
            <span className="block font-medium text-white">{session.name}</span>
            <span className="block text-xs text-slate-400">{session.roles.length ? session.roles.join(', ') : 'no Lifeboat role'}</span>
          </p>
          <form action="/auth/sign-out" method="post">
            <button type="submit" className="inline-flex items-center gap-1 rounded-md border border-slate-700 px-2.5 py-1.5 text-slate-200 hover:bg-slate-800">
              <LogOut aria-hidden className="size-4" />
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
