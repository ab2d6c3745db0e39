export { MailTransport, type MailReceipt, type OutgoingMail } from './application/ports/mail-transport.port.js';
export { MailDeliveryOptions } from './application/services/mail-delivery.options.js';
export {
  type ChangeMailPayload,
  type LinkMailPayload,
  MAIL_JOB_NAMES,
  type MailJob,
  type MailJobCommonFields,
  type MailJobFields,
  type MailJobName,
  type MailJobPayload,
  type MailJobPayloads,
  type MailLocale,
} from './domain/mail-job.js';
export { NotificationsModule, type NotificationsOptions } from './notifications.module.js';
