/** Published once a worker is created or changed: peers waiting may suit them now, or no longer. */
export class SupportWorkerChanged {
  static readonly NAME = 'support-worker.changed';
  constructor(readonly supportWorkerId: string) {}
}
