import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildError, buildAll, loadSource, parseClientId, parseHost, parseVersion } from '../build.mjs';
import { readZip } from '../lib/zip.mjs';
import { parseXml } from '../validate.mjs';
import { DEV, PROD, buildTo } from './helpers.mjs';

describe('build inputs', () => {
  it('accepts an https origin and https://localhost with a port', () => {
    expect(parseHost('https://crm.contoso.example').origin).toBe('https://crm.contoso.example');
    expect(parseHost('https://localhost:5081/').host).toBe('localhost:5081');
  });

  it.each([
    ['http://crm.contoso.example', /https:\/\/ origin/],
    ['http://localhost:5081', /use https:\/\/localhost:5081/],
    ['ftp://crm.contoso.example', /https:\/\/ origin/],
    ['crm.contoso.example', /not a URL/],
    ['https://crm.contoso.example/app', /origin only/],
    ['https://crm.contoso.example/?x=1', /origin only/],
    [undefined, /--host is required/],
  ])('refuses the host %s', (host, message) => {
    expect(() => parseHost(host)).toThrow(BuildError);
    expect(() => parseHost(host)).toThrow(message);
  });

  it('checks the client id is a GUID', () => {
    expect(parseClientId('1B2C3D4E-0000-4000-8000-123456789ABC')).toBe('1b2c3d4e-0000-4000-8000-123456789abc');
    expect(() => parseClientId('not-a-guid')).toThrow(/not a GUID/);
    expect(() => parseClientId(undefined)).toThrow(/--client-id is required/);
  });

  it('maps n.n.n.0 to the XML version and semver', () => {
    expect(parseVersion('1.2.3.0')).toEqual({ xml: '1.2.3.0', semver: '1.2.3' });
    expect(parseVersion('1.2.3')).toEqual({ xml: '1.2.3.0', semver: '1.2.3' });
    expect(() => parseVersion('1.2')).toThrow(/major\.minor\.patch/);
    expect(() => parseVersion('1.2.3.4')).toThrow(/4th part must be 0/);
    expect(() => parseVersion('v1.2.3.0')).toThrow(/major\.minor\.patch/);
    expect(() => parseVersion('123456.0.0.0')).toThrow(/up to 5 digits/);
  });
});

describe('build outputs', () => {
  it('writes manifest.xml, manifest.json, pt-BR.json and the app package', () => {
    const { dir, zip } = buildTo();
    for (const file of ['manifest.xml', 'manifest.json', 'pt-BR.json', 'outlookcrm.zip']) expect(existsSync(join(dir, file))).toBe(true);
    const files = readZip(zip);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png', 'pt-BR.json']);
    expect(files['manifest.json'].toString('utf8')).toBe(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  });

  it('is deterministic', () => {
    const a = buildTo();
    const b = buildTo();
    expect(a.xml).toBe(b.xml);
    expect(a.zip.equals(b.zip)).toBe(true);
  });

  it('takes every string from source.json, in en-US and pt-BR', () => {
    const source = loadSource();
    const { xml, manifest, ptBR } = buildTo();
    for (const locale of ['en-US', 'pt-BR']) {
      for (const value of Object.values(source.strings[locale])) {
        if (value === source.strings['en-US'].shortDescription || value === source.strings['pt-BR'].shortDescription) continue; // unified only
        expect(xml).toContain(value.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));
      }
    }
    expect(manifest.description.short).toBe(source.strings['en-US'].shortDescription);
    expect(ptBR['description.short']).toBe(source.strings['pt-BR'].shortDescription);
    expect(ptBR['extensions[0].ribbons[1].tabs[0].groups[0].controls[0].label']).toBe('Clientes');
  });

  it('uses the host for the pane, the icons and the SSO resource', () => {
    const { xml, manifest } = buildTo();
    expect(xml).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://crm.contoso.example/taskpane.html" />');
    expect(xml).toContain('<IconUrl DefaultValue="https://crm.contoso.example/icons/icon-64.png" />');
    expect(xml).toContain('<HighResolutionIconUrl DefaultValue="https://crm.contoso.example/icons/icon-128.png" />');
    expect(xml).toContain('<Resource>api://crm.contoso.example/1b2c3d4e-0000-4000-8000-123456789abc</Resource>');
    expect(manifest.webApplicationInfo).toEqual({ id: PROD.clientId, resource: `api://crm.contoso.example/${PROD.clientId}` });
    expect(manifest.extensions[0].runtimes[0].code.page).toBe('https://crm.contoso.example/taskpane.html');
    expect(manifest.validDomains).toEqual(['crm.contoso.example', 'login.microsoftonline.com']);
  });

  it('leaves SSO metadata out of the Development build (nil client id)', () => {
    const { xml, manifest } = buildTo(DEV);
    expect(xml).not.toContain('<WebApplicationInfo>');
    expect(manifest.webApplicationInfo).toBeUndefined();
    expect(xml).toContain('https://localhost:5081/taskpane.html');
  });

  it('keeps the add-in id fixed across hosts and versions', () => {
    const a = parseXml(buildAll(PROD).xml);
    const b = parseXml(buildAll({ ...DEV, version: '9.9.9.0' }).xml);
    expect(a.children[0].text).toBe(b.children[0].text);
    expect(a.children[0].text).toBe(loadSource().addinId);
  });

  it('honours support, privacy and terms URL overrides, https only', () => {
    const { manifest } = buildTo({ ...PROD, privacyUrl: 'https://contoso.example/privacy' });
    expect(manifest.developer.privacyUrl).toBe('https://contoso.example/privacy');
    expect(() => buildAll({ ...PROD, supportUrl: 'http://contoso.example/help' })).toThrow(/--support-url must be an https/);
  });
});
