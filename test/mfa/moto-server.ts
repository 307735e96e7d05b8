/** The seeded moto server (IAM and STS on one port) for these suites; see test/server/moto.ts. */
export { freePort as freePortInRange, startMoto as startMotoInRange, type MotoServer } from '../server/moto.js';
