/**
 * A small pool of long-lived CLI processes ("drivers") that run one case at a time over a line
 * protocol: one JSON request per line in, one JSON outcome per line out. The reference's
 * drivers are Python (reference-driver.ts), aws-iam's are Node (aws-iam-driver.ts); this is
 * what both share: starting a driver when it is first needed, queueing requests for the next
 * free one, restarting one that asked to be replaced, and naming a crash with its stderr.
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

export interface DriverRequest {
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  tty?: { columns: number; streams: 'both' | 'stdout' | 'stderr' };
}

/** A started driver: the process, where requests go and where outcomes come from. */
export interface DriverProcess {
  child: ChildProcess;
  requests: Writable;
  outcomes: Readable;
}

/** What a driver answers: an outcome, which may say the process cannot run another case. */
interface Answer extends Outcome {
  recycle?: boolean;
}

/** A started driver, with the request it is answering (each process answers only its own). */
interface Running extends DriverProcess {
  waiting?: { resolve: (o: Outcome) => void; reject: (e: Error) => void };
}

class Driver {
  private running?: Running;
  private log = '';

  constructor(
    private readonly name: string,
    private readonly startProcess: () => DriverProcess,
  ) {}

  private start(): Running {
    const running: Running = this.startProcess();
    const { child } = running;
    const keep = (d: Buffer) => (this.log = (this.log + d).slice(-4000));
    // What the process writes besides its outcomes names the cause when it crashes.
    if (child.stdout !== running.outcomes) child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const settle = () => {
      const waiting = running.waiting;
      running.waiting = undefined;
      return waiting;
    };
    createInterface({ input: running.outcomes }).on('line', (line) => {
      const { recycle, ...outcome } = JSON.parse(line) as Answer;
      // The process cannot run another case: the next one starts a new process.
      if (recycle) this.stop();
      settle()?.resolve(outcome);
    });
    // 'close', not 'exit': by then everything it wrote before it died has been read.
    child.once('close', (code, signal) => {
      if (this.running === running) this.running = undefined;
      settle()?.reject(new Error(`${this.name} exited (${signal ?? code}):\n${this.log}`));
    });
    return running;
  }

  run(request: DriverRequest): Promise<Outcome> {
    const running = (this.running ??= this.start());
    return new Promise((resolve, reject) => {
      running.waiting = { resolve, reject };
      running.requests.write(JSON.stringify(request) + '\n');
    });
  }

  stop(): void {
    this.running?.requests.end();
    this.running?.child.kill('SIGTERM');
    this.running = undefined;
  }
}

/** Up to `size` drivers, each running one case at a time; requests queue for the next free one. */
export class DriverPool {
  private readonly all: Driver[] = [];
  private readonly idle: Driver[] = [];
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly name: string,
    private readonly startProcess: () => DriverProcess,
    private readonly size: number,
  ) {}

  async run(request: DriverRequest): Promise<Outcome> {
    const driver = await this.acquire();
    try {
      return await driver.run(request);
    } finally {
      this.release(driver);
    }
  }

  private acquire(): Promise<Driver> {
    const driver = this.idle.pop();
    if (driver) return Promise.resolve(driver);
    if (this.all.length < this.size) {
      const created = new Driver(this.name, this.startProcess);
      this.all.push(created);
      return Promise.resolve(created);
    }
    return new Promise((resolve) => this.queue.push(() => resolve(this.idle.pop()!)));
  }

  private release(driver: Driver): void {
    this.idle.push(driver);
    this.queue.shift()?.();
  }

  /** Ends every driver, busy ones too (a case that timed out must not keep the run alive). */
  stop(): void {
    for (const driver of this.all) driver.stop();
  }
}
