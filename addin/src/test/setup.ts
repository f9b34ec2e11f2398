import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy*/waitFor give up after this: a guard against hangs, not a speed check (the 1 s default
// failed on a 2-core machine busy with other builds).
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
