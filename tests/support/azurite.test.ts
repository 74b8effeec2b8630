import { randomBytes } from 'node:crypto';
import { BlobServiceClient, type ContainerClient, RestError } from '@azure/storage-blob';

/** The status of a rejected storage call, or undefined if it succeeded. */
async function statusOf(call: Promise<unknown>): Promise<number | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    if (error instanceof RestError) return error.statusCode;
    throw error;
  }
}

// The conditional writes every storage test relies on, checked against the one Azurite the global setup starts.
describe('the test Azurite', () => {
  let container: ContainerClient;

  beforeAll(async () => {
    const connection = process.env.TEST_STORAGE_CONNECTION_STRING;
    if (!connection) throw new Error('run through jest: the global setup starts Azurite');
    container = BlobServiceClient.fromConnectionString(connection).getContainerClient(`a${randomBytes(6).toString('hex')}`);
    await container.create();
  });

  afterAll(() => container?.delete());

  it('is on loopback and stores a blob', async () => {
    expect(container.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\//);
    const blob = container.getBlockBlobClient('hello.txt');
    await blob.upload('Hej Søren', Buffer.byteLength('Hej Søren'));
    expect((await blob.downloadToBuffer()).toString('utf8')).toBe('Hej Søren');
  });

  it('refuses an upload with a stale eTag (412)', async () => {
    const blob = container.getBlockBlobClient('stale.txt');
    const { etag: first } = await blob.upload('1', 1);
    await blob.upload('2', 1, { conditions: { ifMatch: first } });
    expect(await statusOf(blob.upload('3', 1, { conditions: { ifMatch: first } }))).toBe(412);
  });

  it('refuses a create-only upload when the blob exists (409 or 412)', async () => {
    const blob = container.getBlockBlobClient('once.txt');
    await blob.upload('1', 1, { conditions: { ifNoneMatch: '*' } });
    expect([409, 412]).toContain(await statusOf(blob.upload('2', 1, { conditions: { ifNoneMatch: '*' } })));
    expect((await blob.downloadToBuffer()).toString()).toBe('1');
  });
});
