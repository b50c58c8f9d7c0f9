import { useSyncExternalStore } from 'react';
import { currentSession, onSessionChange } from './session';

/** The signed-in person, re-rendering the page when they sign in or out. */
export function useSession() {
  return useSyncExternalStore(onSessionChange, currentSession);
}
