import { IdentityTestKit } from '../../../infrastructure/testing/identity-test-kit.js';
import { OrganizationCreated } from '../../../domain/identity.events.js';
import { CreateOrganization } from './create-organization.command.js';
import { CreateOrganizationHandler } from './create-organization.handler.js';

const origin = { clientIp: '203.0.113.9', userAgent: null };

describe('CreateOrganizationHandler', () => {
  let kit: IdentityTestKit;
  let handler: CreateOrganizationHandler;

  beforeEach(() => {
    kit = new IdentityTestKit();
    handler = new CreateOrganizationHandler(kit.organizations, kit.domainEvents, kit.unitOfWork, kit.clock);
  });

  it('stores the organization, publishes OrganizationCreated and audits it', async () => {
    const view = await handler.execute(new CreateOrganization('acme', ' Acme Corp ', origin));
    expect(view).toEqual({ id: expect.any(String), name: 'acme', displayName: 'Acme Corp', createdAt: kit.clock.now().toISOString() });
    expect(await kit.organizations.findById(view.id)).toMatchObject({ name: 'acme' });
    expect(kit.domainEvents.published).toEqual([new OrganizationCreated(view.id, 'acme', origin, kit.clock.now())]);
    expect(kit.events.items.map(({ type, organizationId, accountId, details }) => [type, organizationId, accountId, details])).toEqual([
      ['organization.created', view.id, null, { name: 'acme' }],
    ]);
  });

  it('publishes nothing when the name is taken', async () => {
    await handler.execute(new CreateOrganization('acme', undefined, origin));
    await expect(handler.execute(new CreateOrganization('acme', undefined, origin))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(kit.published()).toEqual(['OrganizationCreated']);
  });
});
