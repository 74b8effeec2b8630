import { MemoryJsonStore } from '../../src/storage/memory-json-store';
import { describeJsonStoreContract } from './json-store-contract';

describeJsonStoreContract('MemoryJsonStore', () => new MemoryJsonStore());

describe('MemoryJsonStore', () => {
  it('keeps what was written, and a read cannot change the store', async () => {
    const s = new MemoryJsonStore();
    const doc = { name: 'Søren', list: [{ n: 1 }] };
    expect(await s.create('a.json', doc)).toBe('created');
    doc.list.push({ n: 2 }); // the writer's object is not the stored one
    const read = await s.get<{ name: string; list: { n: number }[] }>('a.json');
    if (!read) throw new Error('not stored');
    expect(read.value).toEqual({ name: 'Søren', list: [{ n: 1 }] });
    expect(() => {
      read.value.list.push({ n: 3 });
    }).toThrow(TypeError);
    expect(() => {
      read.value.name = 'x';
    }).toThrow(TypeError);
    expect((await s.get<{ name: string }>('a.json'))?.value.name).toBe('Søren');
  });
});
