import { readConsentContext } from '../../src/app/pack-offer';

// Teams sends the consent card's context back on accept: it is read as untrusted input.
describe('the file consent context', () => {
  it('reads the case, the file and the chosen drafts (duplicates once)', () => {
    expect(readConsentContext({ caseId: 'abcdefghijkl', file: 'zip', drafts: ['policeReport', 'policeReport', 'journalNote'] })).toEqual({
      caseId: 'abcdefghijkl',
      file: 'zip',
      drafts: ['policeReport', 'journalNote'],
    });
  });

  it('takes a context from before drafts could be chosen as no drafts', () => {
    expect(readConsentContext({ caseId: 'abcdefghijkl', file: 'pdf' })).toEqual({ caseId: 'abcdefghijkl', file: 'pdf', drafts: [] });
  });

  it.each([
    ['drafts not a list', { drafts: 'policeReport' }],
    ['a draft id that is a path', { drafts: ['../../x'] }],
    ['a draft id longer than a policy id', { drafts: [`a${'b'.repeat(64)}`] }],
    ['a draft id that is not text', { drafts: [1] }],
    ['too many drafts', { drafts: Array.from({ length: 31 }, (_, i) => `d${i}`) }],
    ['an unknown file', { file: 'exe' }],
    ['no case', { caseId: undefined }],
  ])('refuses %s', (_name, change) => {
    expect(readConsentContext({ caseId: 'abcdefghijkl', file: 'zip', drafts: [], ...change })).toBeUndefined();
  });

  it('refuses what is not an object', () => {
    for (const value of [null, 'x', 42, undefined]) expect(readConsentContext(value)).toBeUndefined();
  });
});
