/**
 * Who is signed in, and how the pages prove it to the API. This is the only module that knows a
 * token exists: production sign-in replaces it with a server-held session without touching a page.
 */

export type Role = 'ADMIN' | 'INTAKE' | 'PEER' | 'SUPPORT_WORKER';

export interface SignInChoice {
  label: string;
  role: Role;
  peerId?: string;
  supportWorkerId?: string;
  /** What a demo person is there to show; the sign-in page words it. */
  feature?: string;
}

export interface Session extends SignInChoice {
  token: string;
}

// Per tab and gone when it closes: a shared computer keeps no one signed in.
const STORAGE_KEY = 'peermatch.session';
const listeners = new Set<() => void>();

function read(): Session | undefined {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  if (!stored) return undefined;
  try {
    return JSON.parse(stored) as Session;
  } catch {
    return undefined;
  }
}

let current = read();

function changed(next: Session | undefined): void {
  current = next;
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener());
}

export function currentSession(): Omit<Session, 'token'> | undefined {
  return current;
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Headers that make a request the signed-in person's. */
export function credentials(): Record<string, string> {
  return current ? { authorization: `Bearer ${current.token}` } : {};
}

export async function signInChoices(): Promise<SignInChoice[]> {
  const response = await fetch('/development/sign-in', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`sign-in list unavailable (${response.status})`);
  return (await response.json()) as SignInChoice[];
}

export async function signIn(choice: SignInChoice): Promise<void> {
  const response = await fetch('/development/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: choice.role, peerId: choice.peerId, supportWorkerId: choice.supportWorkerId }),
  });
  if (!response.ok) throw new Error(`sign-in refused (${response.status})`);
  const { token } = (await response.json()) as { token: string };
  changed({ ...choice, token });
}

export function signOut(): void {
  changed(undefined);
}
