import { expect, test } from 'vitest';
import { usePaneSessions } from './support/paneSessions';

const { open } = usePaneSessions();

test('no item selected shows the calm empty state, not an error', async () => {
  const session = await open({ message: 'none', waitFor: 'frame' });
  const { pane } = session;

  await pane.getByRole('status').filter({ hasText: "Select a message to see who it's from" }).waitFor();
  await session.screenshot('08-empty-state');

  expect(await pane.getByText("That didn't work").count()).toBe(0);
  expect(await pane.getByRole('button', { name: 'Retry' }).count()).toBe(0);
  expect(await pane.getByTestId('participant').count()).toBe(0);
  // The header stays usable.
  await expect.poll(() => pane.getByRole('button', { name: 'New client…', exact: true }).isEnabled()).toBe(true);

  // Selecting a message afterwards brings its people in; deselecting goes back to calm.
  await session.select('msg-unknown-sender');
  await pane.getByRole('listitem', { name: 'From: Sam Rivera' }).waitFor();
  await session.select(null);
  await pane.getByText("Select a message to see who it's from").waitFor();
  expect(await pane.getByTestId('participant').count()).toBe(0);
  expect(session.dialogs).toEqual([]);
});
