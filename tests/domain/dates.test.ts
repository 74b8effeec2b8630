import {
  addDays,
  addMonths,
  addWorkingDays,
  compareDates,
  danishDate,
  daysBetween,
  easterSunday,
  isIsoDate,
  isPublicHoliday,
  isWeekend,
  isWorkingDay,
  weekday,
} from '../../src/domain/dates';

describe('addMonths', () => {
  it.each([
    ['2026-11-24', 6, '2027-05-24'],
    ['2026-11-24', 3, '2027-02-24'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', -6, '2025-11-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-02-28', 1, '2026-03-28'],
    ['2026-11-24', 0, '2026-11-24'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-24', 7, '2026-12-01'],
    ['2026-12-25', 14, '2027-01-08'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    // Across the switch to and from summer time: still whole calendar days.
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-10-24', 2, '2026-10-26'],
  ])('%s + %i days = %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['Tuesday + 1', '2026-11-24', 1, '2026-11-25'],
    ['Friday + 1 skips the weekend', '2026-11-27', 1, '2026-11-30'],
    ['Friday + 5 is the next Friday', '2026-11-27', 5, '2026-12-04'],
    ['Thursday + 2 lands on Monday', '2026-11-26', 2, '2026-11-30'],
    ['Saturday + 0 moves to Monday', '2026-11-28', 0, '2026-11-30'],
    ['Sunday + 0 moves to Monday', '2026-11-29', 0, '2026-11-30'],
    ['Saturday + 1 is Monday: the next working day', '2026-11-28', 1, '2026-11-30'],
    ['Saturday + 2 is Tuesday', '2026-11-28', 2, '2026-12-01'],
    ['a weekday + 0 stays', '2026-11-24', 0, '2026-11-24'],
    ['over the new year, a public holiday', '2026-12-31', 2, '2027-01-05'],
  ])('%s', (_, from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });
});

describe('danishDate', () => {
  it.each([
    // Winter time (CET, UTC+1): the Danish day starts at 23:00 UTC.
    ['2026-11-24T22:59:59.999Z', '2026-11-24'],
    ['2026-11-24T23:00:00.000Z', '2026-11-25'],
    ['2026-12-31T23:30:00.000Z', '2027-01-01'],
    // Summer time (CEST, UTC+2): it starts at 22:00 UTC.
    ['2026-07-01T21:59:59.999Z', '2026-07-01'],
    ['2026-07-01T22:00:00.000Z', '2026-07-02'],
    // The night summer time begins (29 March 2026, 01:00 UTC).
    ['2026-03-28T22:59:59.000Z', '2026-03-28'],
    ['2026-03-28T23:00:00.000Z', '2026-03-29'],
    ['2026-03-29T21:59:59.000Z', '2026-03-29'],
    ['2026-03-29T22:00:00.000Z', '2026-03-30'],
    // The night it ends (25 October 2026, 01:00 UTC).
    ['2026-10-24T21:59:59.000Z', '2026-10-24'],
    ['2026-10-24T22:00:00.000Z', '2026-10-25'],
    ['2026-10-25T22:30:00.000Z', '2026-10-25'],
    ['2026-10-25T23:00:00.000Z', '2026-10-26'],
  ])('%s is %s in Copenhagen', (instant, expected) => {
    expect(danishDate(new Date(instant))).toBe(expected);
  });

  it('stays right when asked again within the hour, back in time, and over the hour the clocks go back', () => {
    expect(danishDate(new Date('2026-11-24T22:10:00Z'))).toBe('2026-11-24');
    expect(danishDate(new Date('2026-11-24T22:59:00Z'))).toBe('2026-11-24');
    expect(danishDate(new Date('2026-11-24T23:00:00Z'))).toBe('2026-11-25');
    expect(danishDate(new Date('2026-11-24T22:30:00Z'))).toBe('2026-11-24');
    // 02:30 twice on 25 October 2026: first summer time, then winter time.
    expect(danishDate(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25');
    expect(danishDate(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25');
    expect(() => danishDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('the small helpers', () => {
  it('isIsoDate accepts real calendar dates only', () => {
    expect(isIsoDate('2026-11-24')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-11-24')).toBe(false);
    expect(isIsoDate('2026-11-24T00:00')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('weekday and isWeekend', () => {
    expect(weekday('2026-11-24')).toBe(2);
    expect(isWeekend('2026-11-28')).toBe(true);
    expect(isWeekend('2026-11-29')).toBe(true);
    expect(isWeekend('2026-11-30')).toBe(false);
  });

  it('compareDates and daysBetween', () => {
    expect(compareDates('2026-11-24', '2026-11-25')).toBe(-1);
    expect(compareDates('2026-11-25', '2026-11-24')).toBe(1);
    expect(compareDates('2026-11-24', '2026-11-24')).toBe(0);
    expect(daysBetween('2026-11-24', '2026-12-08')).toBe(14);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-01', '2026-11-24')).toBe(-7);
  });

  it('refuses something that is not a date', () => {
    expect(() => addDays('24/11/2026', 1)).toThrow(RangeError);
  });
});

describe('Danish public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('knows the weekday holidays of 2026 and nothing else', () => {
    const holidays: string[] = [];
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) if (isPublicHoliday(d) && !isWeekend(d)) holidays.push(d);
    // New Year, Maundy Thursday, Good Friday, Easter Monday, Ascension, Whit Monday, Christmas, Boxing Day (Sat 26 Dec 2026 is a weekend).
    expect(holidays).toEqual(['2026-01-01', '2026-04-02', '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-25', '2026-12-25']);
    // Great Prayer Day was abolished from 2024.
    expect(isPublicHoliday('2023-05-05')).toBe(true);
    expect(isPublicHoliday('2024-04-26')).toBe(false);
  });

  it('skips holidays when counting working days', () => {
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-24'); // 24 December is a working day by law
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28'); // over Christmas and the weekend
    expect(addWorkingDays('2026-04-01', 1)).toBe('2026-04-07'); // over Easter
    expect(addWorkingDays('2026-04-03', 0)).toBe('2026-04-07'); // Good Friday moves to the first working day
    expect(addWorkingDays('2026-04-03', 1)).toBe('2026-04-07'); // which is also "by the next working day"
    expect(isWorkingDay('2026-05-14')).toBe(false);
    expect(isWorkingDay('2026-05-15')).toBe(true);
  });
});
