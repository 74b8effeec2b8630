import { MemoryJsonStore } from '../../src/storage/memory-json-store';

describe('MemoryJsonStore', () => {
  it('keeps what was written as JSON, and a read cannot change the store', async () => {
    const s = new MemoryJsonStore();
    const doc = { name: 'Søren', list: [{ n: 1 }], gone: undefined, at: new Date('2026-11-24T10:00:00Z') };
    expect(await s.create('a.json', doc)).toBe('created');
    doc.list.push({ n: 2 }); // the writer's object is not the stored one
    const read = await s.get<{ name: string; list: { n: number }[]; at: string }>('a.json');
    if (!read) throw new Error('not stored');
    expect(read.value).toEqual({ name: 'Søren', list: [{ n: 1 }], at: '2026-11-24T10:00:00.000Z' });
    expect(() => {
      read.value.list.push({ n: 3 });
    }).toThrow(TypeError);
    expect(() => {
      read.value.name = 'x';
    }).toThrow(TypeError);
    expect((await s.get<{ name: string }>('a.json'))?.value.name).toBe('Søren');
  });

  it('has the blob store eTag rules', async () => {
    const s = new MemoryJsonStore();
    await s.create('a.json', { v: 1 });
    const first = await s.get('a.json');
    expect(await s.create('a.json', { v: 9 })).toBe('exists');
    expect(await s.replace('a.json', { v: 2 }, first?.etag ?? '')).toBe('saved');
    expect(await s.replace('a.json', { v: 3 }, first?.etag ?? '')).toBe('conflict');
    expect((await s.get<{ v: number }>('a.json'))?.value.v).toBe(2);
  });
});
