import { useEffect, useRef } from 'react';
import { messages } from '../messages';
import { signOut, type Role } from '../session/session';
import { useSession } from '../session/use-session';
import { IntakeApp } from '../intake/IntakeApp';
import { PeerApp } from '../peer/PeerApp';
import { WorkerApp } from '../worker/WorkerApp';
import { Announcer } from './announcer';
import { HelpNow } from './HelpNow';
import { navigate, usePath } from './router';
import { SignInPage } from './SignInPage';

const HOME: Record<Role, string> = { PEER: '/peer', SUPPORT_WORKER: '/worker', INTAKE: '/intake', ADMIN: '/intake' };

export function App() {
  const session = useSession();
  const path = usePath();
  // null until the server has said who is signed in: no view is chosen, and no address changed, before.
  const home = session === null ? undefined : session ? HOME[session.role] : '/sign-in';

  // Each person has one home; any other address takes them there rather than to someone else's view.
  useEffect(() => {
    if (home && !path.startsWith(home)) navigate(home);
  }, [path, home]);

  // A new view is a new page to a screen reader: its title says which, and reading starts at it.
  const first = useRef(true);
  useEffect(() => {
    const timer = setTimeout(() => {
      const heading = document.querySelector('main h1')?.textContent;
      document.title = heading ? messages.app.title(heading) : messages.app.name;
      if (!first.current) document.getElementById('main')?.focus();
      first.current = false;
    }, 300);
    return () => clearTimeout(timer);
  }, [path, session?.role]);

  return (
    <Announcer>
      <a className="skip-link" href="#main">
        {messages.app.skipToContent}
      </a>
      <header className="site-header">
        <p className="brand">{messages.app.name}</p>
        {session && (
          <div className="signed-in">
            <span>{messages.app.signedInAs(session.label)}</span>
            <button type="button" className="button-quiet" onClick={() => signOut()}>
              {messages.app.signOut}
            </button>
          </div>
        )}
      </header>
      {(!session || session.role === 'PEER') && <HelpNow />}
      <main id="main" tabIndex={-1}>
        {session === null && <p role="status">{messages.app.loading}</p>}
        {session === undefined && <SignInPage />}
        {session?.role === 'PEER' && <PeerApp peerId={session.peerId!} path={path} />}
        {session?.role === 'SUPPORT_WORKER' && <WorkerApp supportWorkerId={session.supportWorkerId!} />}
        {(session?.role === 'INTAKE' || session?.role === 'ADMIN') && <IntakeApp role={session.role} path={path} />}
      </main>
    </Announcer>
  );
}
