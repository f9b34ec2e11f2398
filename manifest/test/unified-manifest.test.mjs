import { beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../lib/png.mjs';
import { createZip, readZip } from '../lib/zip.mjs';
import { bundledSchemaVersions, validatePackage, validateUnifiedManifest, validateUnifiedSchema } from '../validate.mjs';
import { DEV, buildTo, clone } from './helpers.mjs';

let built;
beforeAll(() => {
  built = buildTo();
});
const files = (ptBR = built.ptBR) => ({ 'pt-BR.json': ptBR });

describe('generated unified manifest', () => {
  it('passes the official schema bundled in @microsoft/app-manifest, with its pt-BR localization file', () => {
    expect(bundledSchemaVersions()).toContain(built.manifest.manifestVersion);
    expect(validateUnifiedSchema(built.manifest, files())).toEqual([]);
    expect(validateUnifiedManifest(built.manifest, files())).toEqual([]);
    const dev = buildTo(DEV);
    expect(validateUnifiedManifest(dev.manifest, files(dev.ptBR))).toEqual([]);
  });

  it('describes a pinnable task pane on the read and compose ribbons, Mailbox 1.5', () => {
    const extension = built.manifest.extensions[0];
    expect(extension.requirements).toEqual({ scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: '1.5' }] });
    expect(extension.runtimes[0].actions).toEqual([{ id: 'openTaskPane', type: 'openPage', pinnable: true, multiselect: true }]);
    expect(extension.ribbons.map((r) => r.contexts)).toEqual([['mailRead'], ['mailCompose']]);
    expect(extension.ribbons.every((r) => r.tabs[0].builtInTabId === 'TabDefault')).toBe(true);
    expect(built.manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'pt-BR', file: 'pt-BR.json' }]);
  });

  it('runs save on send from its own runtime on messageSending, Mailbox 1.12, always sent if the add-in cannot load', () => {
    const extension = built.manifest.extensions[0];
    const runtime = extension.runtimes.find((r) => r.id === 'SendEventRuntime');
    expect(runtime).toMatchObject({
      type: 'general',
      code: { page: 'https://crm.contoso.example/send-event.html', script: 'https://crm.contoso.example/send-event.js' },
      actions: [{ id: 'onMessageSendHandler', type: 'executeFunction' }],
      requirements: { capabilities: [{ name: 'Mailbox', minVersion: '1.12' }] },
    });
    expect(extension.autoRunEvents).toEqual([
      {
        requirements: { capabilities: [{ name: 'Mailbox', minVersion: '1.12' }], scopes: ['mail'] },
        events: [{ type: 'messageSending', actionId: 'onMessageSendHandler', options: { sendMode: 'softBlock' } }],
      },
    ]);
    expect(built.manifest.authorization.permissions.resourceSpecific.map((p) => p.name)).toContain('Mailbox.ReadWrite.User');
  });

  it('opens on several selected messages (multiselect), which needs read/write mailbox permission', () => {
    const names = built.manifest.authorization.permissions.resourceSpecific.map((p) => p.name);
    expect(names).toEqual(['Mailbox.ReadWrite.User', 'Mailbox.AccessSharedFolders.User']);
    expect(built.manifest.extensions[0].runtimes[0].actions[0].multiselect).toBe(true);
  });

  it('passes the package checks (icons 192×192 colour and 32×32 white outline)', () => {
    expect(validatePackage(built.zip)).toEqual([]);
  });
});

describe('the JSON checks reject broken manifests', () => {
  const errorsOf = (mutate, ptBR = built.ptBR) => {
    const manifest = clone(built.manifest);
    mutate(manifest);
    return validateUnifiedManifest(manifest, files(ptBR)).join('\n');
  };

  it('a send event without its function, script or Mailbox 1.12', () => {
    expect(errorsOf((m) => (m.extensions[0].autoRunEvents[0].events[0].actionId = 'openTaskPane'))).toMatch(/is not an executeFunction action/);
    expect(errorsOf((m) => delete m.extensions[0].runtimes[1].code.script)).toMatch(/needs code.script/);
    expect(errorsOf((m) => (m.extensions[0].autoRunEvents[0].requirements.capabilities[0].minVersion = '1.10'))).toMatch(/messageSending needs Mailbox 1.12/);
    expect(errorsOf((m) => delete m.extensions[0].runtimes[1].requirements)).toMatch(/messageSending needs Mailbox 1.12/);
  });

  it('schema violations', () => {
    expect(errorsOf((m) => delete m.developer)).toMatch(/must have required property 'developer'/);
    expect(errorsOf((m) => (m.id = 'not-a-guid'))).toMatch(/manifest.json\/id must match pattern/);
    expect(errorsOf((m) => (m.extensions[0].ribbons[0].contexts = ['mailReading']))).toMatch(/must be equal to one of the allowed values/);
    expect(errorsOf((m) => (m.unknownProperty = true))).toMatch(/must NOT have additional properties/);
    expect(errorsOf((m) => (m.name.short = 'x'.repeat(31)))).toMatch(/name\/short must NOT have more than 30 characters/);
  });

  it('a manifest version with no bundled schema', () => {
    expect(errorsOf((m) => (m.manifestVersion = '0.9'))).toMatch(/has no bundled schema/);
  });

  it('an http:// URL (the schema itself allows http)', () => {
    const errors = errorsOf((m) => (m.extensions[0].runtimes[0].code.page = 'http://crm.contoso.example/taskpane.html'));
    expect(errors).toMatch(/is not an https:\/\/ URL/);
  });

  it('a missing compose ribbon, a missing icon size, a dangling action and a pane that cannot be pinned', () => {
    expect(errorsOf((m) => m.extensions[0].ribbons.pop())).toMatch(/no ribbon for the mailCompose context/);
    expect(errorsOf((m) => m.extensions[0].ribbons[0].tabs[0].groups[0].controls[0].icons.pop())).toMatch(/no 80 px icon/);
    expect(errorsOf((m) => (m.extensions[0].ribbons[1].tabs[0].groups[0].controls[0].actionId = 'nothing'))).toMatch(/actionId "nothing" is not an action/);
    expect(errorsOf((m) => (m.extensions[0].runtimes[0].actions[0].pinnable = false))).toMatch(/must be pinnable/);
    expect(errorsOf((m) => (m.extensions[0].requirements.capabilities[0].minVersion = '1.3'))).toMatch(/Mailbox 1\.5 or later/);
  });

  it('localization gaps', () => {
    const ptBR = clone(built.ptBR);
    delete ptBR['extensions[0].ribbons[1].tabs[0].groups[0].controls[0].supertip.description'];
    expect(errorsOf(() => {}, ptBR)).toMatch(/pt-BR.json: no translation for "extensions\[0\]\.ribbons\[1\]\.tabs\[0\]\.groups\[0\]\.controls\[0\]\.supertip\.description"/);
    expect(errorsOf(() => {}, { ...built.ptBR, 'name.short': 'x'.repeat(40) })).toMatch(/pt-BR.json\/name.short must NOT have more than 30 characters/);
    expect(errorsOf((m) => (m.localizationInfo.additionalLanguages = []))).toMatch(/additionalLanguages has no pt-BR/);
    expect(validateUnifiedManifest(built.manifest, {}).join('\n')).toMatch(/localization file pt-BR.json \(pt-BR\) is missing/);
  });

  it('a broken app package', () => {
    const entries = readZip(built.zip);
    const repack = (changes) => createZip(Object.entries({ ...entries, ...changes }).filter(([, data]) => data !== null).map(([name, data]) => ({ name, data })));
    expect(validatePackage(repack({ 'color.png': null })).join('\n')).toMatch(/the color icon color.png is missing/);
    const teal = new Uint8Array(32 * 32 * 4).map((_, i) => [14, 124, 123, 255][i % 4]);
    expect(validatePackage(repack({ 'outline.png': encodePng(32, 32, teal) })).join('\n')).toMatch(/must have a transparent background[\s\S]*must be white only/);
    expect(validatePackage(repack({ 'color.png': encodePng(64, 64, new Uint8Array(64 * 64 * 4)) })).join('\n')).toMatch(/color.png is 64×64, expected 192×192/);
    expect(validatePackage(Buffer.from('not a zip')).join('\n')).toMatch(/not a ZIP archive/);
  });
});
