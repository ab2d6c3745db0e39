/** Another attempt holds the job's claim: retried with backoff until that claim is settled or expires. */
export class MailDeliveryInProgressError extends Error {
  constructor(jobId: string) {
    super(`Mail job ${jobId} is being sent by another attempt`);
    this.name = new.target.name;
  }
}
