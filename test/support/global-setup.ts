import { randomBytes } from 'node:crypto';

/**
 * Names this test run. Every test file clones its own database from the run's migrated
 * template (see test-database.ts), so runs and files never share data; the teardown drops them.
 * (Jest loads this file outside its module mapper, so it imports nothing of the project.)
 */
export default function globalSetup(): void {
  process.env.LATCHKEY_TEST_RUN = `lkt_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}
