import { MikroORM } from '@mikro-orm/postgresql';
import { LazyRequestContext } from './lazy-request-context.js';

describe('LazyRequestContext', () => {
  let orm: MikroORM;
  let context: LazyRequestContext;
  let forks: number;

  beforeAll(async () => {
    orm = await MikroORM.init({
      clientUrl: 'postgres://nobody@127.0.0.1:1/none',
      entities: [],
      discovery: { warnWhenNoEntities: false },
      connect: false,
      allowGlobalContext: false,
    });
    const fork = orm.em.fork.bind(orm.em);
    jest.spyOn(orm.em, 'fork').mockImplementation((options) => {
      forks += 1;
      return fork(options);
    });
    context = new LazyRequestContext(orm);
  });
  beforeEach(() => (forks = 0));
  afterAll(() => orm.close(true));

  const inRequest = <T>(work: () => T): Promise<T> => new Promise((resolve) => context.run(() => resolve(work())));

  it('forks nothing for a request that never uses the database', async () => {
    await inRequest(() => undefined);
    expect(forks).toBe(0);
  });

  it('resolves the root EntityManager to one fork per request, made on first use', async () => {
    const [first, again] = await inRequest(() => [orm.em.getContext(), orm.em.getContext()]);
    const [other] = await inRequest(() => [orm.em.getContext()]);
    expect(first).not.toBe(orm.em);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(forks).toBe(2);
  });

  it('keeps the fork across awaits of the same request', async () => {
    const [before, after] = await inRequest(async () => {
      const early = orm.em.getContext();
      await new Promise((resolve) => setImmediate(resolve));
      return [early, orm.em.getContext()];
    });
    expect(after).toBe(before);
  });
});
