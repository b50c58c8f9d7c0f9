import { messages } from '../messages';
import { Link } from '../shell/Link';
import { PeerHome } from './PeerHome';
import { PeerPreferences } from './PeerPreferences';
import { PeerPrivacy } from './PeerPrivacy';

const VIEWS = [
  { path: '/peer', label: messages.peer.navigation.home },
  { path: '/peer/preferences', label: messages.peer.navigation.preferences },
  { path: '/peer/privacy', label: messages.peer.navigation.privacy },
];

/** A peer's own pages: every one reads and writes only their own record, through the public API. */
export function PeerApp({ peerId, path }: { peerId: string; path: string }) {
  return (
    <>
      <nav aria-label={messages.app.mainNavigation} className="tabs">
        <ul>
          {VIEWS.map((view) => (
            <li key={view.path}>
              <Link href={view.path} aria-current={path === view.path ? 'page' : undefined}>
                {view.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {path === '/peer/preferences' ? (
        <PeerPreferences peerId={peerId} />
      ) : path === '/peer/privacy' ? (
        <PeerPrivacy peerId={peerId} />
      ) : (
        <PeerHome peerId={peerId} />
      )}
    </>
  );
}
