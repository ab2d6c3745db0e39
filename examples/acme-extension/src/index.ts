export { AcmeModule } from './acme.module.js';
export { HttpApiMailTransport } from './http-api-mail.transport.js';
export { NoProductNameRule } from './no-product-name.rule.js';
export { type SecurityAlert, SecurityAlerts, SecurityAlertsSubscriber } from './security-alerts.subscriber.js';
