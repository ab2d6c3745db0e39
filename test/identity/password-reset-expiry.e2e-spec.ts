import { Clock } from '#libs/building-blocks';
import { createAccount, createOrganization, strongPassword } from '../support/fixtures.js';
import { TestStack } from '../support/test-stack.js';
import { closeStack } from './close-stack.js';
import { tokenFrom } from './mail-links.js';

// A file of its own: MikroORM's forFeature registry does not survive a second TestStack in one file.
describe('reset token expiry', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.start({ env: { RESET_TOKEN_TTL_SECONDS: '10' } });
  });
  afterAll(() => closeStack(stack));

  it('answers 410 to verify and confirm once the token has expired', async () => {
    const organization = await createOrganization(stack);
    const account = await createAccount(stack, organization);
    // The API's clock stands still at `now` while the token is issued, and moves only when the test moves it.
    const clock = stack.api.get(Clock);
    let now = clock.now().getTime();
    const travel = jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
    try {
      const issuedAt = now;
      await stack.http().post('/v1/password-resets').send({ organization, email: account.email }).expect(202);
      const token = tokenFrom((await stack.mail.waitFor(account.email))[0]);
      const verified = await stack.http().post('/v1/password-resets/verify').send({ token }).expect(200);
      expect(verified.body.expiresAt).toBe(new Date(issuedAt + 10_000).toISOString());
      now = issuedAt + 9_999;
      await stack.http().post('/v1/password-resets/verify').send({ token }).expect(200);
      now = issuedAt + 10_000;
      await stack.http().post('/v1/password-resets/verify').send({ token }).expect(410);
      await stack.http().post('/v1/password-resets/confirm').send({ token, newPassword: strongPassword() }).expect(410);
    } finally {
      travel.mockRestore();
    }
  });
});
