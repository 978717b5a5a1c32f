import { relaunchWithHeapLimit } from './heap-limit';

// Imported first by src/index.ts, so the process starts again with its heap sized before the service's modules
// are loaded (twice otherwise: a second or two of start-up).
relaunchWithHeapLimit();
