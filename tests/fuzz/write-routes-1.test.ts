import { createFuzzApp, declareFuzzSuite } from './harness';

// Every write operation of the API, one third per file so forks share the work (decision 024).
declareFuzzSuite(await createFuzzApp(), 'write', 0, 3);
