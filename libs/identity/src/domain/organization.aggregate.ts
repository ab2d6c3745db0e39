import { AggregateRoot, type RequestOrigin, ValidationFailedError } from '#libs/building-blocks';
import type { PasswordPolicyOverrides, PasswordPolicySettings } from '#libs/password-policy';
import { OrganizationCreated, PasswordPolicyUpdated } from './identity.events.js';

const NAME_PATTERN = /^[a-z0-9-]{3,63}$/;

export class Organization extends AggregateRoot {
  private constructor(
    readonly id: string,
    readonly name: string,
    public displayName: string,
    /** Only what the organization chose; defaults stay in the policy module so they can evolve. */
    public policyOverrides: PasswordPolicyOverrides,
    readonly createdAt: Date,
  ) {
    super();
  }

  static create(input: { id: string; name: string; displayName?: string; now: Date; origin: RequestOrigin }): Organization {
    if (!NAME_PATTERN.test(input.name)) {
      throw new ValidationFailedError('The organization name is not valid.', [
        { field: 'name', message: 'name must be 3 to 63 characters of a-z, 0-9 and -' },
      ]);
    }
    const organization = new Organization(input.id, input.name, input.displayName?.trim() || input.name, {}, input.now);
    organization.record(new OrganizationCreated(input.id, input.name, input.origin, input.now));
    return organization;
  }

  /** An organization as stored (a read-only copy kept in memory, say); no validation, it was valid when saved. */
  static restore(input: {
    id: string;
    name: string;
    displayName: string;
    policyOverrides: PasswordPolicyOverrides;
    createdAt: Date;
  }): Organization {
    return new Organization(input.id, input.name, input.displayName, input.policyOverrides, input.createdAt);
  }

  /** `settings` was validated by the policy module; storing its JSON keeps the stored form canonical. */
  setPasswordPolicy(settings: PasswordPolicySettings, origin: RequestOrigin, now: Date): void {
    this.policyOverrides = settings.toJSON();
    this.record(new PasswordPolicyUpdated(this.id, this.policyOverrides, origin, now));
  }
}
