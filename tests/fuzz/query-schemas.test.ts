import { createFuzzApp, declareFuzzSuite } from './harness';

// Every operation that reads a query string (decision 024).
declareFuzzSuite(await createFuzzApp(), 'query', 0, 1);
