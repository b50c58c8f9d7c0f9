import { BullRegistrar, Processor } from '@nestjs/bullmq';
import { hostname } from 'node:os';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../../config/environment';
import { InteractiveProcessor } from './interactive.processor';
import { MatchingProcessor } from './matching.processor';
import { INTERACTIVE_QUEUE, MATCHING_QUEUE } from './queue-names';

/**
 * The workers are built from the options on each processor class's @Processor, which are known
 * only once the environment is: they are put there, and the workers built, in one synchronous
 * step, so that apps started side by side (tests) each get their own. Registration is manual for
 * that reason (see queue-connection.ts).
 */
@Injectable()
export class ConsumerRegistration implements OnModuleInit {
  constructor(
    private readonly config: ConfigService<Environment, true>,
    private readonly registrar: BullRegistrar,
  ) {}

  onModuleInit(): void {
    const lockMs = this.config.get('JOB_LOCK_MS', { infer: true });
    // Named after its host and process, so that each job says which consumer computed it.
    const options = { lockDuration: lockMs, stalledInterval: lockMs, name: `${hostname()}:${process.pid}` };
    Processor(MATCHING_QUEUE, options)(MatchingProcessor);
    Processor(INTERACTIVE_QUEUE, options)(InteractiveProcessor);
    this.registrar.register();
  }
}
