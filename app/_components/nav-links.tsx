'use client';

import { Lock } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export type NavLink = { href: string; label: string; allowed: boolean; needs: string };

export function NavLinks({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex flex-wrap gap-1">
        {links.map((link) => {
          const active = link.href === '/' ? pathname === '/' : pathname.startsWith(link.href);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? 'page' : undefined}
                title={link.allowed ? undefined : `Needs the ${link.needs} role`}
                className={`inline-flex items-center gap-1 rounded-md px-3 py-1.5 text-sm ${active ? 'bg-slate-800 text-white' : 'text-slate-300 hover:bg-slate-800/60 hover:text-white'}`}
              >
                {link.label}
                {!link.allowed && <Lock aria-label={`needs the ${link.needs} role`} className="size-3.5 text-slate-400" />}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
