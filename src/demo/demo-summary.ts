import { DemoSignIn } from './demo-sign-in';
import { DemoSeedResult } from './seed-demo';

/** How many people, in one line; no profile detail, so nothing about anyone's health. */
export function seedSummary(result: DemoSeedResult): string {
  const people =
    `${result.peers} demo peers (${result.openRequests} asking for a match, ${result.activeMatches} matched) ` +
    `and ${result.supportWorkers} demo support workers`;
  return result.seeded
    ? `Seeded ${people} around Sydney.`
    : `The demo people are there already: ${people}; nothing written.`;
}

/** Who to sign in as, in one line, with the ids `npm run token` takes. */
export function signInSummary(signIns: readonly DemoSignIn[]): string {
  const each = signIns.map((signIn) => {
    const id = signIn.peerId
      ? ` [--peer-id ${signIn.peerId}]`
      : signIn.supportWorkerId
        ? ` [--support-worker-id ${signIn.supportWorkerId}]`
        : '';
    return `${signIn.label} (${signIn.role})${id}`;
  });
  return `Sign in as: ${each.join('; ')}.`;
}
