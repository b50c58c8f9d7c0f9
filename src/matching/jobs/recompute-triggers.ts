import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { PeerProfileChanged } from '../../peers/peer.events';
import { SupportWorkerChanged } from '../../support-workers/support-worker.events';
import { MatchEnded, MatchStarted, PlaceTakenFirst } from '../matches/match.events';
import { MatchRequested } from '../requests/match-request.events';
import { SuggestionsNeedRefill } from '../suggestions/suggestion.events';
import { MatchingJobs } from './matching-jobs.service';

/**
 * What each committed change means for the queue. The domains publish facts and never import
 * the queue; publishers await these handlers, which never throw (MatchingJobs logs instead).
 * The work is recorded in PostgreSQL before a job is enqueued: what a lost job leaves undone (a
 * due peer, a fan-out still owed, a request still PENDING, stale or owing a refill) is found
 * and woken again by the sweeper.
 */
@Injectable()
export class RecomputeTriggers {
  constructor(private readonly jobs: MatchingJobs) {}

  /**
   * Someone is waiting for these, so they go ahead of background refreshes: the peer's profile
   * changed, they asked, a decline freed a place, or the place they chose went to someone else.
   */
  @OnEvent(PeerProfileChanged.NAME)
  @OnEvent(MatchRequested.NAME)
  @OnEvent(SuggestionsNeedRefill.NAME)
  @OnEvent(PlaceTakenFirst.NAME)
  async peerNeedsRecompute({ peerId }: { peerId: string }): Promise<void> {
    await this.jobs.enqueueRecomputes([peerId], 'interactive');
  }

  @OnEvent(SupportWorkerChanged.NAME)
  async supportWorkerChanged({ supportWorkerId }: SupportWorkerChanged): Promise<void> {
    await this.jobs.enqueueFanOut({ supportWorkerId });
  }

  /** A full worker leaves the suggestions that name them. */
  @OnEvent(MatchStarted.NAME)
  async matchStarted({ supportWorkerId, workerNowFull }: MatchStarted): Promise<void> {
    if (workerNowFull) await this.jobs.enqueueFanOut({ supportWorkerId });
  }

  /** A place freed is offered to the peers waiting. */
  @OnEvent(MatchEnded.NAME)
  async matchEnded({ supportWorkerId }: MatchEnded): Promise<void> {
    await this.jobs.enqueueFanOut({ supportWorkerId });
  }
}
