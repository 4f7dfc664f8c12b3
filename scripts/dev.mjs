// `npm run dev`: the API server (tsx watch, port 8000) and the Vite dev server (port 5173, proxying
// the API) side by side, with prefixed output; Ctrl-C stops both.
import { spawn } from 'node:child_process';

const processes = [
  { name: 'server', args: ['run', 'dev', '-w', '@itsm/server'] },
  { name: 'web   ', args: ['run', 'dev', '-w', '@itsm/web'] },
];

const children = processes.map(({ name, args }) => {
  const child = spawn('npm', args, { stdio: ['inherit', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  child.on('exit', (code) => {
    process.stdout.write(`[${name}] exited (${code})\n`);
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exitCode = code ?? 0;
  });
  return child;
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
