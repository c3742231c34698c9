import type { ReactNode } from 'react';
import { AppHeader } from '@/app/_components/app-header';
import { requireSession } from '@/lib/auth/require-session';

export default async function ShellLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-sky-600 focus:px-3 focus:py-1">
        Skip to content
      </a>
      <AppHeader session={session} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
