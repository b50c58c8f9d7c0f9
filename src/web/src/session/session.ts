/**
 * Who is signed in, and how the pages prove it to the API. This is the only module that knows
 * how: the server holds the session and the browser an HttpOnly cookie no script can read, so a
 * page holds no token, and sign-in through an identity provider changes nothing in a page.
 */
import { messages } from '../messages';

export type Role = 'ADMIN' | 'INTAKE' | 'PEER' | 'SUPPORT_WORKER';

export interface SignInChoice {
  label: string;
  role: Role;
  peerId?: string;
  supportWorkerId?: string;
  /** What a demo person is there to show; the sign-in page words it. */
  feature?: string;
}

export type Session = SignInChoice;

/** Until GET /session answers, the pages do not know: `loading`, then a session or nobody. */
type Known = { state: 'loading' } | { state: 'known'; session: Session | undefined };

/** As GET /session answers: staff have no record, so no name, and the page names their role. */
interface SignedIn {
  label: string | null;
  role: Role;
  peerId: string | null;
  supportWorkerId: string | null;
}

const listeners = new Set<() => void>();
let known: Known = { state: 'loading' };

function changed(next: Session | undefined): void {
  known = { state: 'known', session: next };
  listeners.forEach((listener) => listener());
}

function sessionOf(signedIn: SignedIn): Session {
  return {
    label: signedIn.label ?? messages.roles[signedIn.role],
    role: signedIn.role,
    peerId: signedIn.peerId ?? undefined,
    supportWorkerId: signedIn.supportWorkerId ?? undefined,
  };
}

/** Asks the server who the cookie signs in, once the page starts and again after signing in. */
async function refresh(): Promise<void> {
  try {
    const response = await fetch('/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    // 204: nobody is signed in.
    changed(response.status === 200 ? sessionOf((await response.json()) as SignedIn) : undefined);
  } catch {
    changed(undefined);
  }
}

void refresh();

/** The signed-in person, undefined when nobody is; null while the page does not know yet. */
export function currentSession(): Session | undefined | null {
  return known.state === 'loading' ? null : known.session;
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Headers that make a request the signed-in person's: none, the browser sends the cookie itself. */
export function credentials(): Record<string, string> {
  return {};
}

/** How every request to the API is sent: with the session cookie, never to another origin. */
export const REQUEST_CREDENTIALS: RequestCredentials = 'same-origin';

export async function signInChoices(): Promise<SignInChoice[]> {
  const response = await fetch('/development/sign-in', {
    credentials: REQUEST_CREDENTIALS,
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`sign-in list unavailable (${response.status})`);
  return (await response.json()) as SignInChoice[];
}

export async function signIn(choice: SignInChoice): Promise<void> {
  const response = await fetch('/development/sign-in', {
    method: 'POST',
    credentials: REQUEST_CREDENTIALS,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: choice.role, peerId: choice.peerId, supportWorkerId: choice.supportWorkerId }),
  });
  if (!response.ok) throw new Error(`sign-in refused (${response.status})`);
  // Its body says nothing the page needs, but left unread the response stays open: let it go.
  await response.body?.cancel();
  await refresh();
}

/**
 * Ends the session on the server, then shows sign-in: leaving the page before the server has
 * answered would otherwise leave the session alive. Unreachable, the page signs out all the same.
 */
export function signOut(): void {
  if (currentSession() === undefined) return;
  void fetch('/session/sign-out', { method: 'POST', credentials: REQUEST_CREDENTIALS })
    .catch(() => undefined)
    .then(() => changed(undefined));
}
