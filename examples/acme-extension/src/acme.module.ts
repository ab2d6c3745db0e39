import { Module } from '@nestjs/common';
import { NoProductNameRule } from './no-product-name.rule.js';
import { SecurityAlerts, SecurityAlertsSubscriber } from './security-alerts.subscriber.js';

/** ACME's additions to the API: a password rule and a subscriber to identity's domain events. */
@Module({
  providers: [NoProductNameRule, SecurityAlerts, SecurityAlertsSubscriber],
  exports: [SecurityAlerts],
})
export class AcmeModule {}
