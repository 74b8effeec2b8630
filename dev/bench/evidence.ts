/**
 * `npm run bench:evidence`: evidence storage and the case pack, against Azurite and a download server on loopback.
 *  1. storing a 10 MB file from the download server (download → SHA-256 → Blob Storage), median of 5;
 *  2. RSS growth of this process while storing a 20 MB file;
 *  3. building the pack (PDF with the images as appendix + ZIP with SHA256SUMS) for a case with 20 images of 2 MB: time and RSS growth,
 *     once with RGB PNGs (embedded as they are) and once with RGBA PNGs (decoded and split into colour and alpha mask).
 * Run with --expose-gc (the npm script does) so the memory figures start from a collected heap.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BlobServiceClient } from '@azure/storage-blob';
import { PNG } from 'pngjs';
import { casePackDocument } from '../../src/domain/case-pack';
import type { EvidenceItem } from '../../src/domain/evidence';
import { sniffType } from '../../src/domain/sniff-type';
import { checkDownloadUrl, DEFAULT_DOWNLOAD_HOSTS } from '../../src/evidence/download-allow-list';
import { DEFAULT_EVIDENCE_CONFIG } from '../../src/evidence/evidence-config';
import { casePackPdf } from '../../src/pack/case-pack-pdf';
import { writeCasePackZip } from '../../src/pack/case-pack-zip';
import { loadPolicy } from '../../src/policy/load-policy';
import { EvidenceBlobStore } from '../../src/storage/evidence-blob-store';
import { startAzurite } from '../azurite';
import { cpuMs } from './processes';

const MB = 1024 * 1024;
const TARGETS = { store10: 1500, rss20: 40, packMs: 5000, packRss: 150 };
const gc = (globalThis as { gc?: () => void }).gc;

async function startDownloadServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'download-server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', () => reject(new Error('download server exited')));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

interface Measured<T> {
  readonly result: T;
  readonly ms: number;
  /** Peak RSS while `work` ran, sampled every 5 ms, minus RSS just before. */
  readonly growthMb: number;
  /** CPU time of this process and of Azurite: what the work cost, whatever else the machine was doing. */
  readonly cpuMs: number;
  readonly azuriteCpuMs: number;
}

async function measure<T>(azuritePid: number | undefined, work: () => Promise<T>): Promise<Measured<T>> {
  gc?.();
  gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const cpu = process.cpuUsage();
  const azurite = cpuMs(azuritePid) ?? 0;
  const started = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage.rss());
    const used = process.cpuUsage(cpu);
    return {
      result,
      ms,
      growthMb: (peak - before) / MB,
      cpuMs: (used.user + used.system) / 1000,
      azuriteCpuMs: (cpuMs(azuritePid) ?? 0) - azurite,
    };
  } finally {
    clearInterval(timer);
  }
}

/**
 * A PNG of about `bytes` that does not compress: noise, the worst case. RGB (colour type 2, as Windows
 * saves a screenshot) or RGBA with a visible alpha channel (as macOS does), which must be decoded and split for a PDF.
 */
function noisePng(seed: number, bytes: number, alpha: boolean): Buffer {
  const side = Math.round(Math.sqrt(bytes / (alpha ? 3.45 : 3)));
  const png = new PNG({ width: side, height: side });
  let x = seed * 2654435761;
  for (let i = 0; i < png.data.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    png.data[i] = (i & 3) === 3 ? (alpha ? 200 : 255) : x & 0xff;
  }
  return PNG.sync.write(png, { colorType: alpha ? 6 : 2 });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number, unit: string) => `${n.toFixed(unit === 'ms' ? 0 : 1)} ${unit}`;

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const download = await startDownloadServer();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'opbakning-bench-evidence-'));
  try {
    const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('bench');
    const store = new EvidenceBlobStore(container, {
      fetch,
      gate: (url) => checkDownloadUrl(url, { hosts: DEFAULT_DOWNLOAD_HOSTS, localMode: true }),
    });
    const limits = { maxFileBytes: DEFAULT_EVIDENCE_CONFIG.maxFileBytes, maxCaseBytes: DEFAULT_EVIDENCE_CONFIG.maxCaseBytes };
    const storeFile = async (caseId: string, seed: number, size: number) => {
      const r = await store.storeFromUrl(caseId, { url: `${download.url}/file?seed=${seed}&size=${size}` }, limits);
      if (!r.ok || r.duplicate) throw new Error(`bench: store failed ${JSON.stringify(r)}`);
      return r;
    };
    await storeFile('warmup', 1, MB);
    // Measured first, after a 1 MB warm-up only, so earlier runs' freed memory cannot hide growth.
    const pid = azurite.process.pid;
    const rss20 = (await measure(pid, () => storeFile('store20', 200, 20 * MB))).growthMb;
    // The same again: a running bot's young generation is already grown, so this is the steady cost.
    const rss20warm = (await measure(pid, () => storeFile('store20b', 201, 20 * MB))).growthMb;

    const runs: Measured<unknown>[] = [];
    for (let run = 0; run < 5; run++) runs.push(await measure(pid, () => storeFile(`store10x${run}`, 100 + run, 10 * MB)));
    const times = runs.map((r) => r.ms);
    const store10 = median(times);
    const store10Cpu = median(runs.map((r) => r.cpuMs));
    const store10Azurite = median(runs.map((r) => r.azuriteCpuMs));

    const readAll = async (caseId: string, sha: string) => {
      const stream = await store.open(caseId, sha);
      const chunks: Buffer[] = [];
      for await (const c of stream ?? []) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    };
    /** The pack for a case with 20 images of about 2 MB, stored as evidence first; time and RSS growth of building PDF + ZIP. */
    const packBench = async (caseId: string, alpha: boolean) => {
      const items: EvidenceItem[] = [];
      let imageBytes = 0;
      for (let i = 0; i < 20; i++) {
        const png = noisePng(i + 1, 2 * MB, alpha);
        imageBytes += png.byteLength;
        const r = await store.storeBytes(caseId, png, limits, 'image/png');
        if (!r.ok) throw new Error('bench: could not store an image');
        items.push({
          id: `e${i}`,
          kind: 'file',
          addedBy: 'mette',
          receivedAt: new Date().toISOString(),
          name: `Skærmbillede ${i + 1}.png`,
          size: r.size,
          declaredType: 'image/png',
          sniffedType: sniffType(r.head),
          sha256: r.sha256,
          link: 'https://facebook.com/p/1',
        });
      }
      const doc = casePackDocument({
        case: {
          kind: 'incident',
          id: `${caseId}0000000`.slice(0, 12),
          rev: 1,
          ownerId: 'mette',
          managerIds: [],
          departmentId: 'd',
          locale: 'da',
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
          status: 'plan',
          audit: [],
        },
        policy: loadPolicy(),
        locale: 'da',
        departmentName: 'Børn og Familie',
        names: { mette: 'Mette Holm' },
        evidence: items,
        drafts: [],
        now: new Date(),
      });
      const zipFile = path.join(tmp, `${caseId}.zip`);
      const pack = await measure(pid, () =>
        writeCasePackZip(
          {
            doc,
            pdf: () => casePackPdf(doc, (row) => readAll(caseId, row.item.sha256)),
            open: (row) => store.open(caseId, row.item.sha256),
            now: new Date(),
          },
          createWriteStream(zipFile),
        ),
      );
      for (const [i, item] of items.entries())
        if (pack.result[i + 1].sha256 !== item.sha256) throw new Error('bench: the ZIP does not hold the stored bytes');
      return { ...pack, imageMb: imageBytes / MB, zipMb: statSync(zipFile).size / MB, pdfMb: pack.result[0].size / MB };
    };
    const rgb = await packBench('packrgb', false);
    const rgba = await packBench('packrgba', true);

    const rows = [
      ['store a 10 MB file (median of 5)', fmt(store10, 'ms'), `< ${TARGETS.store10} ms`, store10 < TARGETS.store10],
      ['RSS growth storing 20 MB (first after start)', fmt(rss20, 'MB'), `< ${TARGETS.rss20} MB`, rss20 < TARGETS.rss20],
      ['RSS growth storing 20 MB (a second one)', fmt(rss20warm, 'MB'), `< ${TARGETS.rss20} MB`, rss20warm < TARGETS.rss20],
      [
        `pack: 20 RGB PNGs (${rgb.imageMb.toFixed(0)} MB) → PDF + ZIP`,
        fmt(rgb.ms, 'ms'),
        `< ${TARGETS.packMs} ms`,
        rgb.ms < TARGETS.packMs,
      ],
      ['RSS growth while building that pack', fmt(rgb.growthMb, 'MB'), `< ${TARGETS.packRss} MB`, rgb.growthMb < TARGETS.packRss],
      [
        `pack: 20 RGBA PNGs (${rgba.imageMb.toFixed(0)} MB) → PDF + ZIP`,
        fmt(rgba.ms, 'ms'),
        `< ${TARGETS.packMs} ms`,
        rgba.ms < TARGETS.packMs,
      ],
      ['RSS growth while building that pack', fmt(rgba.growthMb, 'MB'), `< ${TARGETS.packRss} MB`, rgba.growthMb < TARGETS.packRss],
    ] as const;
    console.log(
      `\nEvidence bench (Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}${gc ? '' : ', no --expose-gc'})`,
    );
    for (const [what, value, target, ok] of rows)
      console.log(`  ${what.padEnd(46)} ${value.padStart(10)}   target ${target.padEnd(10)} ${ok ? 'met' : 'MISSED'}`);
    const cpu = (m: { cpuMs: number; azuriteCpuMs: number }) => `${m.cpuMs.toFixed(0)} ms + Azurite ${m.azuriteCpuMs.toFixed(0)} ms`;
    console.log(
      `  CPU: store 10 MB ${cpu({ cpuMs: store10Cpu, azuriteCpuMs: store10Azurite })}; RGB pack ${cpu(rgb)}; RGBA pack ${cpu(rgba)}`,
    );
    console.log(
      `  (10 MB runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms; RGB pack: ZIP ${rgb.zipMb.toFixed(1)} MB, PDF ${rgb.pdfMb.toFixed(1)} MB; RGBA pack: ZIP ${rgba.zipMb.toFixed(1)} MB, PDF ${rgba.pdfMb.toFixed(1)} MB)`,
    );
    // `npm run bench` runs this file as a child and keeps the figures with its own (dist/bench/results.json).
    const json = process.argv.find((a) => a.startsWith('--json='))?.slice('--json='.length);
    if (json)
      writeFileSync(
        json,
        `${JSON.stringify(
          {
            store10Ms: store10,
            store10RunsMs: times,
            rss20Mb: rss20,
            rss20SecondMb: rss20warm,
            packRgb: { ms: rgb.ms, rssMb: rgb.growthMb, cpuMs: rgb.cpuMs, azuriteCpuMs: rgb.azuriteCpuMs, zipMb: rgb.zipMb },
            packRgba: { ms: rgba.ms, rssMb: rgba.growthMb, cpuMs: rgba.cpuMs, azuriteCpuMs: rgba.azuriteCpuMs, zipMb: rgba.zipMb },
            targets: TARGETS,
            met: rows.map(([what, value, target, ok]) => ({ what, value, target, ok })),
          },
          null,
          2,
        )}\n`,
      );
    if (rows.some((r) => !r[3])) process.exitCode = 1;
  } finally {
    download.child.kill('SIGTERM');
    await azurite.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
