/**
 * A mail job is stored twice until it is settled (its outbox row and its queued job), and a
 * link job's copies carry the reset link. Once the e-mail is handed to SMTP or given up, the
 * link is erased from both: from then on only the e-mail holds it (docs/security.md).
 */
export abstract class MailJobScrubber {
  /** Erases the job's secrets from every stored copy; a no-op for a job that has none (left). */
  abstract scrub(jobId: string): Promise<void>;
}
