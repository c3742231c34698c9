// npm run bench:replication [-- --sizes 1GiB,4GiB] [--rounds 3]: the Qdrant → Blob snapshot stream
// (lib/replication/stream-snapshot-to-blob.ts) against plain copies between the same Qdrant emulator and
// Azurite, and against AzCopy uploading the same file. Writes bench/results/replication-throughput.json.
import { spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { once } from 'node:events';
import { chmod, copyFile, mkdir, mkdtemp, open, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { BlobServiceClient, ContainerSASPermissions, generateBlobSASQueryParameters, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';
import { AZURITE_ACCOUNT_KEY, AZURITE_ACCOUNT_NAME } from '@/lab/blob/azurite-account';
import { startAzurite } from '@/lab/blob/start-azurite';
import { startQdrantEmulator } from '@/lab/qdrant/start-qdrant-emulator';
import { spawnTiedToParent } from '@/lab/shared/spawn-tied-to-parent';
import { openSnapshotDownload } from '@/lib/replication/open-snapshot-download';
import { SNAPSHOT_BLOCK_BYTES, SNAPSHOT_UPLOAD_CONCURRENCY, streamSnapshotToBlob } from '@/lib/replication/stream-snapshot-to-blob';
import { uploadBlocksWithMd5 } from '@/lib/replication/upload-blocks-with-md5';

const COLLECTION = 'bench';
const CONTAINER = 'replication-bench';
const MiB = 1024 * 1024;
const UNITS: Record<string, number> = { B: 1, KIB: 1024, MIB: MiB, GIB: 1024 * MiB };

/**
 * pipeline: the snapshot stream (download → sha256 → blocks with Content-MD5); baseline: the download
 * piped into the SDK's uploadStream, nothing else; blocks: the pipeline's block upload without sha256;
 * azcopy: AzCopy uploading the snapshot file itself.
 */
const VARIANTS = ['pipeline', 'baseline', 'blocks', 'azcopy'] as const;
type Variant = (typeof VARIANTS)[number];
/** One transfer: bytes, seconds, the mover's own peak RSS and CPU, and the CPU the two servers spent on it. */
type Transfer = {
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  peakRssBytes: number;
  cpuSeconds: number;
  qdrantCpuSeconds?: number;
  azuriteCpuSeconds?: number;
  sha256?: string;
};
type ChildJob = { variant: Exclude<Variant, 'azcopy'>; qdrantUrl: string; accountUrl: string; snapshotName: string; blobName: string; checksum: string; blockBytes: number; concurrency: number };
type SizeResult = { size: string; bytes: number; runs: Record<Variant, Transfer[]>; median: Record<Variant, Transfer>; ratio: number };

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const mib = (bytes: number) => round(bytes / MiB);

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([KMG]iB|B)?$/i.exec(text.trim());
  const unit = UNITS[(match?.[2] ?? 'B').toUpperCase()];
  if (!match || unit === undefined) throw new Error(`not a size: ${text} (use e.g. 64MiB, 1GiB)`);
  return Math.round(Number(match[1]) * unit);
}

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function container(accountUrl: string): ContainerClient {
  const credential = new StorageSharedKeyCredential(AZURITE_ACCOUNT_NAME, AZURITE_ACCOUNT_KEY);
  // One try, as Lifeboat's own Blob client (lib/adapters/blob): a retry would hide a slow upload.
  return new BlobServiceClient(accountUrl, credential, { retryOptions: { maxTries: 1 } }).getContainerClient(CONTAINER);
}

/** In a child process: one transfer, then its own numbers as JSON on stdout. */
async function runChild(job: ChildJob): Promise<void> {
  const blob = container(job.accountUrl).getBlockBlobClient(job.blobName);
  const qdrant = { url: job.qdrantUrl, apiKey: undefined };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let sha256: string | undefined;
  if (job.variant === 'pipeline') {
    const streamed = await streamSnapshotToBlob(qdrant, COLLECTION, job.snapshotName, blob, { metadata: { qdrantchecksum: job.checksum }, blockBytes: job.blockBytes, concurrency: job.concurrency });
    if (streamed.sha256 !== job.checksum) throw new Error(`checksum mismatch: streamed ${streamed.sha256}, Qdrant reported ${job.checksum}`);
    sha256 = streamed.sha256;
  } else {
    const source = await openSnapshotDownload(qdrant, COLLECTION, job.snapshotName);
    // uploadStream runs ceil(¾ × buffers) blocks at once: concurrency + 1 buffers stage as many as the pipeline.
    if (job.variant === 'baseline') await blob.uploadStream(source, job.blockBytes, job.concurrency + 1);
    else await uploadBlocksWithMd5(source, blob, { blockBytes: job.blockBytes, concurrency: job.concurrency });
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const bytes = (await blob.getProperties()).contentLength ?? 0;
  // maxRSS (KiB) is this process's own peak: the reason each transfer runs in a child of its own.
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const result: Transfer = { bytes, seconds, mbPerSecond: bytes / 1e6 / seconds, peakRssBytes, cpuSeconds: (cpu.user + cpu.system) / 1e6, sha256 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function transferInChild(job: ChildJob): Promise<Transfer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/replication-throughput.ts', '--child', JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`${job.variant} child exited with ${code}`);
  return JSON.parse(output.trim().split('\n').at(-1) ?? '') as Transfer;
}

/**
 * N random (incompressible) bytes placed in the emulator's snapshot folder as it stores its own
 * snapshots (`<c>-<peer id>-<stamp>.snapshot` + `.checksum`), so the real REST endpoints list and serve it.
 */
async function placeSnapshot(dataDir: string, scratch: string, bytes: number): Promise<{ name: string; file: string; sha256: string }> {
  const peerId = (await readFile(path.join(dataDir, 'peer-id'), 'utf8')).trim();
  const created = new Date(Math.floor(Date.now() / 1000) * 1000);
  const name = `${COLLECTION}-${peerId}-${created.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '-')}.snapshot`;
  const folder = path.join(dataDir, 'snapshots', COLLECTION);
  await mkdir(folder, { recursive: true });
  const temporary = path.join(scratch, `${name}.writing`);
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(8 * MiB);
  const out = await open(temporary, 'w');
  try {
    for (let written = 0; written < bytes; written += chunk.length) {
      const piece = randomFillSync(chunk).subarray(0, Math.min(chunk.length, bytes - written));
      hash.update(piece);
      await out.write(piece);
    }
  } finally {
    await out.close();
  }
  const sha256 = hash.digest('hex');
  const file = path.join(folder, name);
  await writeFile(`${file}.checksum`, sha256);
  await utimes(temporary, created, created);
  await rename(temporary, file);
  return { name, file, sha256 };
}

/**
 * Peak RSS (VmHWM) and CPU seconds so far of another process, from /proc: AzCopy and Azurite report
 * neither. /proc/<pid>/stat counts CPU in clock ticks, 100 per second on Linux (USER_HZ).
 */
async function processUsage(pid: number): Promise<{ peakRssBytes: number; cpuSeconds: number }> {
  const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''), readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')]);
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { peakRssBytes: kib * 1024, cpuSeconds: (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / 100 };
}

async function azcopyUpload(azcopy: string, workDir: string, file: string, accountUrl: string, blobName: string, bytes: number): Promise<Transfer> {
  const expiresOn = new Date(Date.now() + 60 * 60_000);
  const sas = generateBlobSASQueryParameters(
    { containerName: CONTAINER, permissions: ContainerSASPermissions.parse('cw'), expiresOn },
    new StorageSharedKeyCredential(AZURITE_ACCOUNT_NAME, AZURITE_ACCOUNT_KEY),
  ).toString();
  const env = { ...process.env, AZCOPY_LOG_LOCATION: path.join(workDir, 'logs'), AZCOPY_JOB_PLAN_LOCATION: path.join(workDir, 'plans'), AZCOPY_DISABLE_SYSLOG: 'true' };
  // An http://127.0.0.1 URL does not look like Blob to AzCopy: --from-to says so.
  const args = ['copy', file, `${accountUrl}/${CONTAINER}/${blobName}?${sas}`, '--from-to', 'LocalBlob', '--log-level', 'ERROR', '--output-type', 'json'];
  const started = performance.now();
  const child = spawnTiedToParent(azcopy, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
  let usage = { peakRssBytes: 0, cpuSeconds: 0 };
  // Polled while it runs (gone once it exits): the last 100 ms of CPU can be missed.
  const poll = setInterval(
    () =>
      void processUsage(child.pid ?? 0).then((now) => {
        usage = { peakRssBytes: Math.max(usage.peakRssBytes, now.peakRssBytes), cpuSeconds: Math.max(usage.cpuSeconds, now.cpuSeconds) };
      }),
    100,
  );
  const [code] = (await once(child, 'exit')) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  clearInterval(poll);
  if (code !== 0) throw new Error(`azcopy exited with ${code}\n${output.slice(-2000)}`);
  return { bytes, seconds, mbPerSecond: bytes / 1e6 / seconds, ...usage };
}

/** The median run by throughput (the only run when rounds = 1). */
function medianRun(runs: Transfer[]): Transfer {
  const sorted = [...runs].sort((a, b) => a.mbPerSecond - b.mbPerSecond);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no runs');
  return middle;
}

function cell(text: string, width: number): string {
  return text.padStart(width);
}

async function main(): Promise<void> {
  const sizes = argument('sizes', process.env.LIFEBOAT_BENCH_SIZES ?? '1GiB,4GiB').split(',').map((text) => ({ label: text.trim(), bytes: parseSize(text) }));
  const rounds = Math.max(1, Number(argument('rounds', '3')));
  // For tuning: every Node variant gets the same block size and concurrency.
  const blockBytes = Number(argument('block-mib', String(SNAPSHOT_BLOCK_BYTES / MiB))) * MiB;
  const concurrency = Number(argument('concurrency', String(SNAPSHOT_UPLOAD_CONCURRENCY)));
  const loadBefore = os.loadavg()[0] ?? 0;
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'lifeboat-replication-bench-'));
  const qdrantDir = path.join(scratch, 'qdrant');
  const qdrant = await startQdrantEmulator({ port: 0, dataDir: qdrantDir, name: 'bench-qdrant' });
  const azcopy = path.join(scratch, 'azcopy');
  const results: SizeResult[] = [];
  try {
    // The package ships its binary without the executable bit: run a copy.
    await copyFile((createRequire(import.meta.url)('@azure-tools/azcopy-linux') as { AzCopyExe64: string }).AzCopyExe64, azcopy);
    await chmod(azcopy, 0o755);
    const created = await fetch(`${qdrant.url}/collections/${COLLECTION}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vectors: { size: 4, distance: 'Cosine' } }) });
    if (!created.ok) throw new Error(`create collection answered ${created.status}`);
    console.log(
      `Qdrant emulator ${qdrant.url} → a fresh Azurite per transfer; blocks ${blockBytes / MiB} MiB, ${concurrency} at once; ${rounds} round(s); ${os.cpus().length} cores, load ${loadBefore.toFixed(2)}`,
    );

    for (const size of sizes) {
      const placed = await placeSnapshot(qdrantDir, scratch, size.bytes);
      const listed = (await (await fetch(`${qdrant.url}/collections/${COLLECTION}/snapshots`)).json()) as { result: { name: string; size: number; checksum: string }[] };
      const description = listed.result.find((entry) => entry.name === placed.name);
      if (description?.checksum !== placed.sha256 || description.size !== size.bytes) throw new Error(`the emulator does not list ${placed.name} as placed`);
      const runs: Record<Variant, Transfer[]> = { pipeline: [], baseline: [], blocks: [], azcopy: [] };
      for (let r = 0; r < rounds; r++) {
        // Rotate the order each round, so no variant always meets a fresher Azurite.
        for (const variant of [...VARIANTS.slice(r % VARIANTS.length), ...VARIANTS.slice(0, r % VARIANTS.length)]) {
          const blobName = `${variant}/${size.label}-${r}`;
          // A fresh Azurite each time: a used one spends CPU saving its grown metadata and collecting deleted blocks.
          const location = path.join(scratch, 'azurite');
          const azurite = await startAzurite({ location });
          let transfer: Transfer;
          try {
            const accountUrl = `${azurite.url}/${AZURITE_ACCOUNT_NAME}`;
            const blobs = container(accountUrl);
            await blobs.create();
            const azuriteBefore = await processUsage(azurite.pid);
            const benchBefore = process.cpuUsage();
            transfer =
              variant === 'azcopy'
                ? await azcopyUpload(azcopy, path.join(scratch, 'azcopy-state'), placed.file, accountUrl, blobName, size.bytes)
                : await transferInChild({ variant, qdrantUrl: qdrant.url, accountUrl, snapshotName: placed.name, blobName, checksum: placed.sha256, blockBytes, concurrency });
            const benchCpu = process.cpuUsage(benchBefore);
            // This process serves Qdrant's download; Azurite is its own process.
            transfer.qdrantCpuSeconds = (benchCpu.user + benchCpu.system) / 1e6;
            transfer.azuriteCpuSeconds = (await processUsage(azurite.pid)).cpuSeconds - azuriteBefore.cpuSeconds;
            const stored = await blobs.getBlobClient(blobName).getProperties();
            if (stored.contentLength !== size.bytes) throw new Error(`${variant}: blob has ${stored.contentLength} bytes, expected ${size.bytes}`);
          } finally {
            await azurite.stop();
            await rm(location, { recursive: true, force: true });
          }
          runs[variant].push(transfer);
          console.log(
            `  ${size.label} ${variant.padEnd(8)} ${cell(transfer.mbPerSecond.toFixed(1), 6)} MB/s ${cell(transfer.seconds.toFixed(2), 7)} s  peak RSS ${cell(mib(transfer.peakRssBytes).toFixed(1), 6)} MiB  ` +
              `CPU s: mover ${transfer.cpuSeconds.toFixed(1)}, Qdrant ${transfer.qdrantCpuSeconds.toFixed(1)}, Azurite ${transfer.azuriteCpuSeconds.toFixed(1)}`,
          );
        }
      }
      await rm(placed.file, { force: true });
      await rm(`${placed.file}.checksum`, { force: true });
      const median = { pipeline: medianRun(runs.pipeline), baseline: medianRun(runs.baseline), blocks: medianRun(runs.blocks), azcopy: medianRun(runs.azcopy) };
      results.push({ size: size.label, bytes: size.bytes, runs, median, ratio: median.pipeline.mbPerSecond / median.baseline.mbPerSecond });
    }
  } finally {
    await qdrant.stop();
    await rm(scratch, { recursive: true, force: true });
  }

  console.log(`\n${rounds > 1 ? `median of ${rounds} rounds; ` : ''}MB/s = 10^6 bytes per second`);
  // Peak RSS: the highest over the rounds, since the memory bound must hold for every run.
  const peak = (runs: Transfer[]) => Math.max(...runs.map((t) => t.peakRssBytes));
  console.log('size     pipeline MB/s  baseline MB/s  ratio  blocks MB/s  pipeline/blocks  AzCopy MB/s  pipeline peak RSS  baseline peak RSS  AzCopy peak RSS');
  for (const { size, median, ratio, runs } of results) {
    console.log(
      `${size.padEnd(8)} ${cell(median.pipeline.mbPerSecond.toFixed(1), 13)}  ${cell(median.baseline.mbPerSecond.toFixed(1), 13)}  ${cell(ratio.toFixed(2), 5)}  ` +
        `${cell(median.blocks.mbPerSecond.toFixed(1), 11)}  ${cell((median.pipeline.mbPerSecond / median.blocks.mbPerSecond).toFixed(2), 15)}  ${cell(median.azcopy.mbPerSecond.toFixed(1), 11)}  ` +
        `${cell(`${mib(peak(runs.pipeline))} MiB`, 17)}  ${cell(`${mib(peak(runs.baseline))} MiB`, 17)}  ${cell(`${mib(peak(runs.azcopy))} MiB`, 15)}`,
    );
  }
  const smallest = results.reduce<SizeResult | undefined>((a, b) => (a && a.bytes <= b.bytes ? a : b), undefined);
  const largest = results.reduce<SizeResult | undefined>((a, b) => (a && a.bytes >= b.bytes ? a : b), undefined);
  const rssGrowth = smallest && largest && smallest !== largest ? peak(largest.runs.pipeline) - peak(smallest.runs.pipeline) : null;
  const goals = {
    ratio: results.every((r) => r.ratio >= 0.9),
    rss: rssGrowth === null ? null : rssGrowth <= 64 * MiB,
    azcopy: results.every((r) => r.median.pipeline.mbPerSecond >= r.median.azcopy.mbPerSecond),
  };
  const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'PASS' : 'MISS');
  console.log(`\npipeline / baseline ≥ 0.9 at every size: ${verdict(goals.ratio)} (${results.map((r) => `${r.size} ${r.ratio.toFixed(2)}`).join(', ')})`);
  console.log(
    rssGrowth === null
      ? 'pipeline peak RSS growth ≤ 64 MiB: n/a (needs two sizes)'
      : `pipeline peak RSS, ${largest?.size} − ${smallest?.size} ≤ 64 MiB: ${verdict(goals.rss)} (${mib(rssGrowth)} MiB)`,
  );
  console.log(
    `pipeline ≥ AzCopy at every size: ${verdict(goals.azcopy)} (${results.map((r) => `${r.size} ${(r.median.pipeline.mbPerSecond / r.median.azcopy.mbPerSecond).toFixed(2)}×`).join(', ')})`,
  );
  const loadAfter = os.loadavg()[0] ?? 0;
  // Load before the run is other people's work on these cores; after it, it includes this run's own processes.
  console.log(`1-minute load average: ${loadBefore.toFixed(2)} before the run, ${loadAfter.toFixed(2)} at its end (${os.cpus().length} cores)`);
  await writeResult({ at: new Date().toISOString(), cores: os.cpus().length, load: { before: loadBefore, after: loadAfter }, rounds, blockBytes, concurrency, results, rssGrowthBytes: rssGrowth, goals });
}

async function writeResult(result: unknown): Promise<void> {
  await mkdir(path.join('bench', 'results'), { recursive: true });
  await writeFile(path.join('bench', 'results', 'replication-throughput.json'), `${JSON.stringify(result, null, 2)}\n`);
}

const childAt = process.argv.indexOf('--child');
(childAt >= 0 ? runChild(JSON.parse(process.argv[childAt + 1] ?? '') as ChildJob) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
