import { spawn } from 'node:child_process';
import path from 'node:path';

/** The chaos and load tests that run at a bounded size in the suite. */
const STRESS_TESTS = ['test/shutdown.test.ts', 'test/webhook-chaos.test.ts'];

/**
 * The suite's chaos and load tests at their full size (ATRIUM_TEST_SCALE=full): 60 servers
 * stopped while their log cannot drain, and 1,000 webhook events through two SIGKILLs. Runs
 * them with jest, one file at a time, from the server package, on the bench's database.
 */
export async function stressTests(databaseUrl: string, redisUrl: string): Promise<boolean> {
  console.log(`\n(stress) ${STRESS_TESTS.join(', ')} at full size`);
  const packageDir = path.join(__dirname, '..', '..');
  const jest = require.resolve('jest/bin/jest', { paths: [packageDir] });
  const code = await new Promise<number | null>((resolve) =>
    spawn(process.execPath, [jest, '--runInBand', '--forceExit', ...STRESS_TESTS], {
      cwd: packageDir,
      stdio: 'inherit',
      env: {
        ...process.env,
        ATRIUM_TEST_SCALE: 'full',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
      },
    }).once('exit', resolve),
  );
  console.log(`(stress) ${code === 0 ? 'passed' : 'FAILED'}`);
  return code === 0;
}
