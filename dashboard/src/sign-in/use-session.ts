import { useEffect, useState } from 'preact/hooks';
import { currentSession, onSessionChange, type Session } from './session';

/** The sign-in state, re-rendering the component when it changes. */
export function useSession(): Session {
  const [session, setSession] = useState<Session>(currentSession);
  useEffect(() => onSessionChange(() => setSession(currentSession())), []);
  return session;
}
