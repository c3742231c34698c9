// npm run lab -- up | down | status | fault <name> [args] | heal
import { labFiles, labStateDir } from '../lab-paths';
import { FAULTS } from '../supervisor/apply-fault';
import { fetchLabStatus, postToLab } from './lab-client';
import { labDown } from './lab-down';
import { labUp } from './lab-up';
import { formatStatus } from './print-status';

const USAGE = `usage: npm run lab -- <command>
  up                      start every lab service in the background, seed it, write endpoints.json
  down                    stop the lab and every process it started
  status                  what runs where, and the active faults
  fault <name> [args]     switch a fault on:
${Object.entries(FAULTS).map(([name, help]) => `      ${name.padEnd(18)} ${help}`).join('\n')}
  heal                    undo every fault`;

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'up') {
    const up = await labUp();
    console.log(formatStatus(up.status));
    console.log(up.startedHere ? `lab up in ${up.seconds.toFixed(1)} s; endpoints in ${labFiles(labStateDir()).endpoints}` : 'the lab was already running');
    return 0;
  }
  if (command === 'down') {
    const pid = await labDown();
    console.log(pid ? `lab stopped (supervisor pid ${pid} and its children)` : 'the lab was not running');
    return 0;
  }
  if (command === 'status') {
    const status = await fetchLabStatus();
    console.log(status ? formatStatus(status) : 'the lab is not running: npm run lab -- up');
    return status ? 0 : 1;
  }
  if (command === 'fault') {
    const [name, ...rest] = args;
    console.log(await postToLab('/faults', { name, args: rest }));
    return 0;
  }
  if (command === 'heal') {
    console.log(await postToLab('/heal'));
    return 0;
  }
  console.error(USAGE);
  return command ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
