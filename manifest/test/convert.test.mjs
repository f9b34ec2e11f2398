import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertXmlToUnified, validateUnifiedSchema } from '../validate.mjs';
import { buildTo } from './helpers.mjs';

// office-addin-manifest-converter runs offline: it turns our manifest.xml into a unified manifest that the
// bundled schema accepts, and that describes the same add-in as the manifest.json we generate.
let built, converted;
beforeAll(async () => {
  built = buildTo();
  converted = await convertXmlToUnified(join(built.dir, 'manifest.xml'));
});

describe('XML → unified conversion (office-addin-manifest-converter)', () => {
  it('passes the bundled schema, with its pt-BR localization file', () => {
    expect(Object.keys(converted.localizationFiles)).toEqual(['pt-br.json']);
    expect(validateUnifiedSchema(converted.manifest, converted.localizationFiles)).toEqual([]);
  });

  it('keeps the id, the pane, pinning, both surfaces and the SSO resource', () => {
    const { manifest } = converted;
    expect(manifest.id).toBe(built.manifest.id);
    expect(manifest.version).toBe(built.manifest.version);
    const runtime = manifest.extensions[0].runtimes.find((r) => r.code.page.endsWith('/taskpane.html'));
    expect(runtime.code.page).toBe('https://crm.contoso.example/taskpane.html');
    expect(runtime.actions.map((a) => a.pinnable)).toEqual([true, false]); // read pinnable, compose not
    expect(manifest.extensions[0].ribbons.flatMap((r) => r.contexts)).toEqual(expect.arrayContaining(['mailRead', 'mailCompose']));
    expect(manifest.webApplicationInfo).toEqual(built.manifest.webApplicationInfo);
    expect(converted.localizationFiles['pt-br.json']['extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label']).toBe('Clientes');
  });

  it('turns the OnMessageSend launch event into messageSending on the send-event runtime, as manifest.json declares', () => {
    const runtime = converted.manifest.extensions[0].runtimes.find((r) => r.code.page.endsWith('/send-event.html'));
    expect(runtime.code.script).toBe('https://crm.contoso.example/send-event.js');
    expect(runtime.actions.map((a) => [a.id, a.type])).toEqual([['onMessageSendHandler', 'executeFunction']]);
    const events = converted.manifest.extensions[0].autoRunEvents.flatMap((a) => a.events);
    expect(events).toEqual([expect.objectContaining({ type: 'messageSending', actionId: 'onMessageSendHandler', options: { sendMode: 'softBlock' } })]);
  });

  it('turns SupportsSharedFolders into the shared-folders permission manifest.json declares', () => {
    const names = (m) => m.authorization.permissions.resourceSpecific.map((p) => p.name).sort();
    expect(names(converted.manifest)).toContain('Mailbox.AccessSharedFolders.User');
    expect(names(built.manifest)).toEqual(names(converted.manifest));
  });

  it('turns ReadWriteMailbox into Mailbox.ReadWrite.User but loses SupportsMultiSelect, which the generated manifest.json keeps', () => {
    const runtime = converted.manifest.extensions[0].runtimes.find((r) => r.code.page.endsWith('/taskpane.html'));
    // office-addin-manifest-converter 0.4.1 writes multiselect: false whatever the XML says: another reason to generate.
    expect(runtime.actions.find((a) => a.pinnable)?.multiselect).toBe(false);
    expect(built.manifest.extensions[0].runtimes[0].actions[0].multiselect).toBe(true);
    expect(converted.manifest.authorization.permissions.resourceSpecific.map((p) => p.name)).toContain('Mailbox.ReadWrite.User');
  });

  it('truncates the XML description into description.short, which is why manifest.json is generated, not converted', () => {
    expect(converted.manifest.description.short).toMatch(/^<TRUNCATED>/);
    expect(built.manifest.description.short).not.toMatch(/TRUNCATED/);
  });
});
