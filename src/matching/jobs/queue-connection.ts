import type { BullRootModuleOptions } from '@nestjs/bullmq';
import { ConnectionOptions, createPostgresBackend, setDefaultBackendFactory } from 'bullmq';

export interface QueueSettings {
  /** Redis when set; otherwise the queue lives in PostgreSQL, beside the data. */
  redisUrl?: string;
  databaseUrl: string;
  /** Keeps apart several deployments (or test runs) sharing one Redis. */
  prefix?: string;
}

function redisOptions(url: string): ConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // Consumers block on Redis; BullMQ requires unlimited retries for them.
    maxRetriesPerRequest: null,
  };
}

/**
 * Chooses the queue backend for this process; call before any queue is built. Workers are built
 * by the consumer itself, once its options are read from the environment (matching.processor.ts).
 */
export function queueConnection(settings: QueueSettings): BullRootModuleOptions {
  const extraOptions = { manualRegistration: true };
  if (settings.redisUrl) {
    setDefaultBackendFactory();
    return { connection: redisOptions(settings.redisUrl), prefix: settings.prefix, extraOptions };
  }
  setDefaultBackendFactory(createPostgresBackend);
  const connection = { connectionString: settings.databaseUrl, migrate: true } as unknown as ConnectionOptions;
  return { connection, prefix: settings.prefix, extraOptions };
}
