import { InMemoryCommonPasswordList } from '../../infrastructure/testing/in-memory-common-password.list.js';
import { CommonRule } from './common.rule.js';

const rule = new CommonRule(new InMemoryCommonPasswordList(['Password1!', 'letmein']));

describe('CommonRule', () => {
  it.each(['password1!', 'PASSWORD1!', 'LetMeIn'])('finds %s in the list, whatever its case', (password) => {
    expect(rule.check({ password })).toEqual({ code: 'COMMON', message: expect.any(String) });
  });

  it.each(['password1', 'letmein!', 'Tz7!mK2#pW'])('lets %s through', (password) => {
    expect(rule.check({ password })).toBeNull();
  });
});
