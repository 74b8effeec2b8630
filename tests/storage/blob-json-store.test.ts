import { randomBytes } from 'node:crypto';
import { isCoded } from '../../src/app/errors';
import { BlobJsonStore } from '../../src/storage/blob-json-store';
import { describeJsonStoreContract } from './json-store-contract';

/** A store in a new container on the test Azurite (started by the integration project's global setup). */
function store(): BlobJsonStore {
  const connection = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connection) throw new Error('run through jest: the global setup starts Azurite');
  return BlobJsonStore.fromConnectionString(connection, `s${randomBytes(6).toString('hex')}`);
}

describeJsonStoreContract('BlobJsonStore on Azurite', store);

describe('BlobJsonStore against Azurite', () => {
  it('reports an unreachable storage as a coded storage_unavailable error', async () => {
    const dead = BlobJsonStore.fromConnectionString(
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;',
    );
    const error = await dead.get('x').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCoded(error, 'storage_unavailable')).toBe(true);
  });
});
