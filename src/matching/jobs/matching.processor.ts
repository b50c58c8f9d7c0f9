import { BullRegistrar, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import {
  BeforeApplicationShutdown,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
  Type,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job } from 'bullmq';
import { Environment } from '../../config/environment';
import { FanOutService } from './fan-out.service';
import { FanOutJob, JobName, MATCHING_QUEUE, RecomputeJob } from './queue-names';
import { RecomputeService } from '../engine/recompute.service';
import { SweeperService } from './sweeper.service';

const HEARTBEAT_EVERY_MS = 10_000;

@Processor(MATCHING_QUEUE)
export class MatchingProcessor
  extends WorkerHost
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(MatchingProcessor.name);
  private heartbeat?: NodeJS.Timeout;
  /** Once the app stops, its connections ending is expected: not worth a warning. */
  private stopping = false;

  constructor(
    private readonly recomputes: RecomputeService,
    private readonly fanOut: FanOutService,
    private readonly sweeper: SweeperService,
    private readonly config: ConfigService<Environment, true>,
    private readonly registrar: BullRegistrar,
  ) {
    super();
  }

  /**
   * The worker is built from the options on the class's @Processor, which are known only once the
   * environment is: they are put there, and the worker built, in one synchronous step, so that
   * apps started side by side (tests) each get their own. Registration is manual for that reason
   * (see queue-connection.ts).
   */
  onModuleInit(): void {
    const lockMs = this.config.get('JOB_LOCK_MS', { infer: true });
    // Named after its host and process, so that each job says which consumer computed it.
    const name = `${hostname()}:${process.pid}`;
    Processor(MATCHING_QUEUE, { lockDuration: lockMs, stalledInterval: lockMs, name })(this.constructor as Type);
    this.registrar.register();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.get('WORKER_CONCURRENCY', { infer: true });
    await this.worker.waitUntilReady();
    await this.sweeper.sweep();
    const heartbeatFile = this.config.get('HEARTBEAT_FILE', { infer: true });
    if (heartbeatFile) {
      const beat = () => (this.worker.isRunning() ? writeFile(heartbeatFile, new Date().toISOString()) : undefined);
      await beat();
      this.heartbeat = setInterval(() => void beat()?.catch(() => undefined), HEARTBEAT_EVERY_MS).unref();
    }
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  onApplicationShutdown(): void {
    clearInterval(this.heartbeat);
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.RECOMPUTE:
        return this.recomputes.recompute((job.data as RecomputeJob).peerId);
      case JobName.FAN_OUT:
        return this.fanOut.run(job.data as FanOutJob);
      case JobName.SWEEP:
        return this.sweeper.sweep();
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }

  /** The queue's connection failed (it reconnects by itself); the sweeper catches up on anything missed. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (this.stopping) return;
    this.logger.warn(`Queue connection error: ${error.message}`);
  }

  @OnWorkerEvent('closed')
  onClosed(): void {
    this.logger.log('queue consumer stopped');
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    // Ids and the error only: never job data beyond ids.
    this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
  }
}
