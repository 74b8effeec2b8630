import type { PersonRef } from '../../src/domain/case';
import { discoveredLongAgo, intakeValues, LIMITS, validateIntake } from '../../src/domain/intake';
import { parsePolicy } from '../../src/domain/policy';
import { cleanLine, cleanText } from '../../src/domain/text';
import policyJson from '../../src/policy/default-policy.json';

const parsed = parsePolicy(policyJson);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const policy = parsed.policy;

const TODAY = '2026-11-24';
const members: PersonRef[] = Array.from({ length: 12 }, (_, i) => ({ id: `e${i + 1}`, name: `Medarbejder ${i + 1}` }));

/** A card payload that passes; each test changes one thing. */
function raw(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    employees: 'e1',
    urls: 'https://www.facebook.com/groups/123/posts/456',
    platform: 'facebook',
    discoveredOn: '2026-11-23',
    description: 'Opslag i en lokal Facebook-gruppe med navn og billede af medarbejderen.',
    employeeContacted: 'true',
    evidenceSaved: 'false',
    ...overrides,
  };
}

const check = (overrides: Record<string, unknown> = {}) => validateIntake(raw(overrides), policy, members, TODAY);

function errors(overrides: Record<string, unknown>) {
  const result = check(overrides);
  if (result.ok) throw new Error('expected the intake to be refused');
  return result.errors;
}

describe('validateIntake', () => {
  it('accepts a complete intake', () => {
    const result = check({ c_directThreat: 'true', c_newsMedium: 'false', c_notAQuestion: 'true' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.intake).toEqual({
      employees: [{ id: 'e1', name: 'Medarbejder 1' }],
      urls: ['https://www.facebook.com/groups/123/posts/456'],
      platform: 'facebook',
      discoveredOn: '2026-11-23',
      description: 'Opslag i en lokal Facebook-gruppe med navn og billede af medarbejderen.',
      employeeContacted: true,
      evidenceSaved: false,
      characteristics: ['directThreat'],
    });
    expect(intakeValues(result.intake)).toEqual(result.values);
  });

  it('requires every field', () => {
    const result = validateIntake({}, policy, members, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      employees: 'required',
      urls: 'required',
      platform: 'required',
      discoveredOn: 'required',
      description: 'required',
    });
  });

  it('treats a description of only spaces and control characters as empty', () => {
    expect(errors({ description: ' \u202E\u200F\n\t ' }).description).toBe('required');
  });

  describe('URLs', () => {
    it.each([
      ['javascript:alert(document.cookie)', 'javascript:alert(document.cookie)'],
      ['data:text/html;base64,PHNjcmlwdD4=', 'data:text/html;base64'],
      ['ftp://example.dk/fil', 'ftp://example.dk/fil'],
      ['file:///etc/passwd', 'file:///etc/passwd'],
      ['www.facebook.com/post', 'www.facebook.com/post'],
      ['https://bruger:kode@example.dk/', 'https://bruger:kode@example.dk/'],
    ])('refuses %s', (url, badUrl) => {
      expect(errors({ urls: `https://example.dk/ok\n${url}` })).toEqual({ urls: 'urlInvalid', badUrl });
    });

    it('accepts http and https, one per line or separated by commas and spaces', () => {
      const result = check({ urls: 'http://example.dk/a, https://example.dk/b\r\n  https://EXAMPLE.dk/c ' });
      expect(result.ok && result.intake.urls).toEqual(['http://example.dk/a', 'https://example.dk/b', 'https://example.dk/c']);
    });

    it('folds duplicates, also when they differ only in how they are written', () => {
      const result = check({ urls: 'https://example.dk/a\nhttps://example.dk/a\nHTTPS://EXAMPLE.DK/a\nhttps://example.dk' });
      expect(result.ok && result.intake.urls).toEqual(['https://example.dk/a', 'https://example.dk/']);
    });

    it(`refuses more than ${LIMITS.urls} different links`, () => {
      const urls = Array.from({ length: LIMITS.urls + 1 }, (_, i) => `https://example.dk/${i}`).join('\n');
      expect(errors({ urls }).urls).toBe('tooMany');
    });

    it('refuses an over-long link', () => {
      const long = `https://example.dk/${'a'.repeat(LIMITS.url)}`;
      expect(errors({ urls: long })).toEqual({ urls: 'tooLong', badUrl: long.slice(0, 80) });
    });
  });

  describe('the discovery date', () => {
    // No legal cut-off exists (§ 119 a has 5 years, §§ 267/268 two): an old date is accepted and only noted.
    it.each(['2026-11-24', '2026-05-24', '2026-05-23', '2026-03-24', '2025-11-24', '2019-01-02'])('accepts %s', (discoveredOn) => {
      expect(check({ discoveredOn }).ok).toBe(true);
    });

    it.each([
      ['2026-05-24', false],
      ['2026-05-23', true],
      ['2026-03-24', true],
    ])('%s is more than 6 months back: %s', (discoveredOn, old) => {
      expect(discoveredLongAgo(discoveredOn, TODAY)).toBe(old);
    });

    it.each([
      ['2026-11-25', 'dateFuture'],
      ['2027-01-01', 'dateFuture'],
      ['2026-02-30', 'dateInvalid'],
      ['24-11-2026', 'dateInvalid'],
    ])('refuses %s (%s)', (discoveredOn, error) => {
      expect(errors({ discoveredOn })).toEqual({ discoveredOn: error });
    });
  });

  describe('the ESDH case number', () => {
    it('is optional, kept as typed on one line, and given back when the card is drawn again', () => {
      const none = check({});
      expect(none.ok && none.intake.esdhRef).toBeUndefined();
      const given = check({ esdhRef: ' 27.12.00-G01-123-26\n' });
      expect(given.ok && given.intake.esdhRef).toBe('27.12.00-G01-123-26');
      if (given.ok) expect(intakeValues(given.intake).esdhRef).toBe('27.12.00-G01-123-26');
    });

    it(`refuses more than ${LIMITS.esdhRef} characters`, () => {
      expect(errors({ esdhRef: '1'.repeat(LIMITS.esdhRef + 1) })).toEqual({ esdhRef: 'tooLong' });
    });
  });

  describe('employees', () => {
    it('refuses an id that is not in the department', () => {
      expect(errors({ employees: 'e1,intruder' })).toEqual({ employees: 'unknownChoice' });
    });

    it('folds a person chosen twice', () => {
      const result = check({ employees: 'e2,e1,e2' });
      expect(result.ok && result.intake.employees.map((e) => e.id)).toEqual(['e2', 'e1']);
    });

    it('accepts a list as well as "a,b"', () => {
      const result = check({ employees: ['e1', 'e3'] });
      expect(result.ok && result.intake.employees.map((e) => e.id)).toEqual(['e1', 'e3']);
    });

    it(`refuses more than ${LIMITS.employees} people`, () => {
      const employees = members
        .slice(0, LIMITS.employees + 1)
        .map((m) => m.id)
        .join(',');
      expect(errors({ employees })).toEqual({ employees: 'tooMany' });
    });
  });

  it('refuses a platform that is not on the list', () => {
    expect(errors({ platform: 'myspace' })).toEqual({ platform: 'unknownChoice' });
  });

  it(`refuses a description over ${LIMITS.description} characters, and counts characters, not UTF-16 units`, () => {
    expect(check({ description: 'æ'.repeat(LIMITS.description) }).ok).toBe(true);
    expect(check({ description: '😡'.repeat(LIMITS.description) }).ok).toBe(true);
    const result = check({ description: 'ø'.repeat(LIMITS.description + 1) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({ description: 'tooLong' });
    expect([...result.values.description]).toHaveLength(LIMITS.description);
  });

  it('gives the values back as typed when it refuses, so the card can be drawn again', () => {
    const input = {
      employees: 'e1,nobody',
      urls: 'https://example.dk/a\njavascript:void(0)',
      platform: 'facebook',
      discoveredOn: '2026-12-01',
      description: 'Første linje\r\nAnden linje',
      employeeContacted: 'true',
      evidenceSaved: 'on',
      c_cprNumber: 'true',
      c_familyNamed: true,
    };
    const result = validateIntake(input, policy, members, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      employees: 'unknownChoice',
      urls: 'urlInvalid',
      badUrl: 'javascript:void(0)',
      discoveredOn: 'dateFuture',
    });
    expect(result.values).toEqual({
      employees: ['e1', 'nobody'],
      urls: 'https://example.dk/a\njavascript:void(0)',
      platform: 'facebook',
      discoveredOn: '2026-12-01',
      description: 'Første linje\nAnden linje',
      posterName: '',
      esdhRef: '',
      employeeContacted: true,
      evidenceSaved: true,
      characteristics: ['cprNumber', 'familyNamed'],
    });
  });

  it('strips direction overrides and control characters from what is stored', () => {
    const result = check({ description: 'Borgeren skrev \u202Eelgnil\u202C og \u2066mere\u2069\u0007 her\u200F' });
    expect(result.ok && result.intake.description).toBe('Borgeren skrev elgnil og mere her');
  });

  it('never throws on odd payloads', () => {
    const odd = { employees: 42, urls: { href: 'x' }, platform: null, discoveredOn: [], description: 7, c_directThreat: {} };
    const result = validateIntake(odd, policy, members, TODAY);
    expect(result.ok).toBe(false);
  });
});

describe('cleanText and cleanLine', () => {
  it('removes bidi overrides, isolates and marks', () => {
    expect(cleanText('a\u202Ab\u202Bc\u202Dd\u202Ee\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk')).toBe('abcdefghijk');
  });

  it('removes control characters and the byte-order mark but keeps newlines and tabs', () => {
    expect(cleanText('\uFEFFa\u0000b\u001Fc\u007Fd\u0085e\tf\ng')).toBe('abcde\tf\ng');
  });

  it('normalises to NFC, folds Windows newlines and trims', () => {
    expect(cleanText('  A\u030Arhus\r\nKøbenhavn\r  ')).toBe('Århus\nKøbenhavn');
  });

  it('gives an empty string for anything that is not a string', () => {
    expect(cleanText(undefined)).toBe('');
    expect(cleanText(12)).toBe('');
    expect(cleanText({ toString: () => 'x' })).toBe('');
  });

  it('cleanLine folds all whitespace into single spaces', () => {
    expect(cleanLine(' a\n\tb   c \u202E')).toBe('a b c');
  });
});
