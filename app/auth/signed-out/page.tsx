import type { Metadata } from 'next';
import { z } from 'zod';
import { SIGN_IN_OUTCOMES, type SignInOutcome } from '@/lib/auth/sign-in-outcome-path';
import { signInPath } from '@/lib/auth/sign-in-path';

export const metadata: Metadata = { title: 'Signed out', robots: { index: false } };

const WORDING: Record<SignInOutcome, { title: string; body: string }> = {
  'signed-out': { title: 'You are signed out', body: 'Your Lifeboat session has ended on this browser.' },
  failed: {
    title: 'Sign-in did not complete',
    body: 'Lifeboat could not confirm who you are, so you are not signed in. The attempt was recorded in the audit log. Try again; if it keeps failing, tell your Lifeboat administrator.',
  },
  unavailable: {
    title: 'The sign-in service is not answering',
    body: 'Lifeboat could not reach its identity provider. Try again in a minute; if it keeps failing, the provider or the network to it is down.',
  },
};

const Reason = z.enum(SIGN_IN_OUTCOMES).catch('signed-out');

export default async function SignedOutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const reason = Reason.parse((await searchParams).reason);
  const { title, body } = WORDING[reason];
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 leading-7 text-slate-300">{body}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <a href={signInPath('/', { prompt: 'login' })} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-600">
          Sign in
        </a>
      </div>
    </main>
  );
}
