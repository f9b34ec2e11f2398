import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../lib/png.mjs';
import { parseXml, validateXmlManifest } from '../validate.mjs';
import { DEV, buildTo, iconsDir, replaceOnce } from './helpers.mjs';

let xml;
beforeAll(() => {
  xml = buildTo().xml;
});

const check = (text, options = {}) => validateXmlManifest(text, { iconsDir, ...options }).errors;
const names = (node) => node.children.map((c) => c.name);

describe('generated add-in only manifest', () => {
  it('is well-formed and passes every rule (production and Development builds)', () => {
    expect(check(xml)).toEqual([]);
    expect(check(buildTo(DEV).xml)).toEqual([]);
  });

  it('keeps the documented element order under OfficeApp', () => {
    const root = parseXml(xml);
    expect(root.attrs['xsi:type']).toBe('MailApp');
    expect(names(root)).toEqual([
      'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
      'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'FormSettings', 'Permissions', 'Rule', 'DisableEntityHighlighting', 'VersionOverrides',
    ]);
  });

  it('nests VersionOverrides 1.1 (Mailbox 1.5, pinnable read pane, SSO) in 1.0', () => {
    const root = parseXml(xml);
    const vo10 = root.children.at(-1);
    expect(vo10.attrs).toMatchObject({ xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides', 'xsi:type': 'VersionOverridesV1_0' });
    expect(names(vo10)).toEqual(['Requirements', 'Hosts', 'Resources', 'VersionOverrides']);
    const vo11 = vo10.children.at(-1);
    expect(vo11.attrs).toMatchObject({ xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1', 'xsi:type': 'VersionOverridesV1_1' });
    expect(names(vo11)).toEqual(['Requirements', 'Hosts', 'Resources', 'WebApplicationInfo']);
    expect(vo11.children[0].children[0].attrs.DefaultMinVersion).toBe('1.5');
    expect(xml.match(/<SupportsPinning>true<\/SupportsPinning>/g)).toHaveLength(1);
  });
});

describe('save on send (event-based activation)', () => {
  it('declares OnMessageSend in the 1.1 overrides only, on a runtime with the JavaScript override, with ReadWriteMailbox', () => {
    const root = parseXml(xml);
    const vo10 = root.children.at(-1);
    const vo11 = vo10.children.at(-1);
    const host = vo11.children[1].children[0];
    expect(names(host)).toEqual(['Runtimes', 'DesktopFormFactor', 'MobileFormFactor']);
    expect(xml).toContain('<Runtime resid="SendEvent.Url">');
    expect(xml).toContain('<Override type="javascript" resid="SendEventScript.Url" />');
    expect(xml).toContain('<LaunchEvent Type="OnMessageSend" FunctionName="onMessageSendHandler" SendMode="SoftBlock" />');
    expect(xml).toContain('<bt:Url id="SendEvent.Url" DefaultValue="https://crm.contoso.example/send-event.html" />');
    expect(xml).toContain('<bt:Url id="SendEventScript.Url" DefaultValue="https://crm.contoso.example/send-event.js" />');
    expect(xml.match(/xsi:type="LaunchEvent"/g)).toHaveLength(1);
    expect(names(vo10.children[1].children[0])).toEqual(['DesktopFormFactor']);
    expect(xml).toContain('<Permissions>ReadWriteMailbox</Permissions>');
    // The 1.1 overrides still need only Mailbox 1.5 (phones, older clients): a client without 1.12 ignores the event.
    expect(vo11.children[0].children[0].attrs.DefaultMinVersion).toBe('1.5');
  });

  const launch = '<ExtensionPoint xsi:type="LaunchEvent">';
  it('rejects an event in the 1.0 overrides, without its runtime or script, with an unknown send mode, or with read-only permissions', () => {
    const errors = (text) => check(text).join('\n');
    const inV10 = replaceOnce(xml, '<ExtensionPoint xsi:type="MessageComposeCommandSurface">', `${launch}<LaunchEvents><LaunchEvent Type="OnMessageSend" FunctionName="f" /></LaunchEvents><SourceLocation resid="Taskpane.Url" /></ExtensionPoint><ExtensionPoint xsi:type="MessageComposeCommandSurface">`);
    expect(errors(inV10)).toMatch(/LaunchEvent"> is valid only in the 1.1 overrides/);
    expect(errors(replaceOnce(xml, '<SourceLocation resid="SendEvent.Url" />', '<SourceLocation resid="Taskpane.Url" />'))).toMatch(/is not a <Runtime> of this host/);
    expect(errors(replaceOnce(xml, '<Override type="javascript" resid="SendEventScript.Url" />', ''))).toMatch(/no <Override type="javascript">/);
    expect(errors(replaceOnce(xml, 'SendMode="SoftBlock"', 'SendMode="Maybe"'))).toMatch(/SendMode "Maybe" is not one of/);
    expect(errors(replaceOnce(xml, '<Permissions>ReadWriteMailbox</Permissions>', '<Permissions>ReadItem</Permissions>'))).toMatch(/<Permissions> must be ReadWriteItem or ReadWriteMailbox/);
    expect(errors(replaceOnce(xml, '<Runtimes>', '<Runtimes><Bogus />'))).toMatch(/<Bogus> is not a valid child of <Runtimes>/);
  });
});

describe('Outlook on iOS and Android', () => {
  const mobileOf = (text) => {
    const vo11 = parseXml(text).children.at(-1).children.at(-1);
    return vo11.children[1].children[0].children.find((c) => c.name === 'MobileFormFactor');
  };

  it('opens the task pane from the mobile read surface (VersionOverrides 1.1, Mailbox 1.5) with 25/32/48 icons at scales 1–3', () => {
    const mobile = mobileOf(xml);
    expect(names(mobile)).toEqual(['FunctionFile', 'ExtensionPoint']);
    const surface = mobile.children[1];
    expect(surface.attrs['xsi:type']).toBe('MobileMessageReadCommandSurface');
    const button = surface.children[0].children[1];
    expect(button.attrs['xsi:type']).toBe('MobileButton');
    expect(names(button)).toEqual(['Label', 'Icon', 'Action']);
    expect(button.children[1].attrs['xsi:type']).toBe('bt:MobileIconList');
    expect(button.children[1].children.map((i) => `${i.attrs.size}@${i.attrs.scale}=${i.attrs.resid}`)).toEqual([
      '25@1=Icon.25', '25@2=Icon.50', '25@3=Icon.75', '32@1=Icon.32', '32@2=Icon.64', '32@3=Icon.96', '48@1=Icon.48', '48@2=Icon.96', '48@3=Icon.144',
    ]);
    expect(button.children[2].attrs['xsi:type']).toBe('ShowTaskpane');
    // Only the 1.1 overrides (the 1.0 schema has no mobile form factor).
    expect(xml.match(/<MobileFormFactor>/g)).toHaveLength(1);
  });

  it('rejects a manifest without the mobile read surface', () => {
    const start = xml.indexOf('<MobileFormFactor>');
    const end = xml.indexOf('</MobileFormFactor>') + '</MobileFormFactor>'.length;
    expect(check(xml.slice(0, start) + xml.slice(end)).join('\n')).toMatch(/no <MobileFormFactor> with <ExtensionPoint xsi:type="MobileMessageReadCommandSurface">/);
  });

  it('rejects a mobile icon missing a scale, or pointing to a PNG of the wrong pixel size', () => {
    expect(check(replaceOnce(xml, /\s*<bt:Image size="48" scale="3" resid="Icon.144" \/>/.exec(xml)[0], '')).join('\n')).toMatch(/no 48 px icon at scale 3/);
    expect(check(replaceOnce(xml, '<bt:Image size="25" scale="2" resid="Icon.50" />', '<bt:Image size="25" scale="2" resid="Icon.75" />')).join('\n')).toMatch(/the 50 px icon points to .*icon-75\.png/);
    expect(check(replaceOnce(xml, '<Icon xsi:type="bt:MobileIconList">', '<Icon>')).join('\n')).toMatch(/must be xsi:type="bt:MobileIconList"/);
  });

  it('rejects a MobileFormFactor in VersionOverrides 1.0', () => {
    const v10Desktop = xml.indexOf('</DesktopFormFactor>') + '</DesktopFormFactor>'.length;
    const mobile = xml.slice(xml.indexOf('<MobileFormFactor>'), xml.indexOf('</MobileFormFactor>') + '</MobileFormFactor>'.length);
    expect(check(xml.slice(0, v10Desktop) + mobile + xml.slice(v10Desktop)).join('\n')).toMatch(/<MobileFormFactor> is not a valid child of <Host>/);
  });
});

describe('several selected messages (item multi-select, Mailbox 1.13)', () => {
  it('the 1.1 read surface button supports multi-select, with the ReadWriteMailbox permission Outlook requires for it', () => {
    expect(xml).toContain('<Permissions>ReadWriteMailbox</Permissions>');
    // Once: beside the pinning of the 1.1 read surface's button (the only pinnable action).
    expect(xml.match(/<SupportsMultiSelect>true<\/SupportsMultiSelect>/g)).toHaveLength(1);
    expect(xml).toMatch(/<SupportsPinning>true<\/SupportsPinning>\s*<SupportsMultiSelect>true<\/SupportsMultiSelect>/);
  });

  it('rejects SupportsMultiSelect in VersionOverrides 1.0, which has no such element', () => {
    const errors = check(replaceOnce(xml, '<SourceLocation resid="Taskpane.Url" />\n', '<SourceLocation resid="Taskpane.Url" />\n<SupportsMultiSelect>true</SupportsMultiSelect>\n'));
    expect(errors.join('\n')).toMatch(/SupportsMultiSelect/);
  });
});

describe('shared and delegate mailboxes', () => {
  it('opens in them from Mailbox 1.5 clients (SupportsSharedFolders in the 1.1 desktop form factor) and asks for Mail.Read.Shared', () => {
    const vo11 = parseXml(xml).children.at(-1).children.at(-1);
    const desktop = vo11.children[1].children[0].children[1];
    expect(vo11.children[1].children[0].children.map((c) => c.name)).toEqual(['Runtimes', 'DesktopFormFactor', 'MobileFormFactor']);
    expect(desktop.name).toBe('DesktopFormFactor');
    expect(desktop.children[0]).toMatchObject({ name: 'SupportsSharedFolders', text: 'true' });
    expect(xml.match(/<SupportsSharedFolders>/g)).toHaveLength(1);
    expect(xml).toContain('<Scope>Mail.Read.Shared</Scope>');
  });

  it('rejects SupportsSharedFolders in VersionOverrides 1.0, which has no such element', () => {
    const v10Desktop = '<DesktopFormFactor>\n';
    const errors = check(replaceOnce(xml, v10Desktop, '<DesktopFormFactor>\n<SupportsSharedFolders>true</SupportsSharedFolders>\n'));
    expect(errors.join('\n')).toMatch(/<SupportsSharedFolders> is not a valid child of <DesktopFormFactor>/);
  });
});

describe('the XML checks reject broken manifests', () => {
  const expectError = (text, pattern, options) => {
    const errors = check(text, options);
    expect(errors.join('\n')).toMatch(pattern);
  };

  it('malformed XML', () => {
    expectError(replaceOnce(xml, '</ProviderName>', '</Provider>'), /not well-formed XML/);
  });

  it('wrong element order under OfficeApp', () => {
    const swapped = replaceOnce(replaceOnce(xml, '  <Version>1.2.3.0</Version>\n', ''), '  <DefaultLocale>', '  <Version>1.2.3.0</Version>\n  <DefaultLocale>');
    expectError(swapped, /<Version> is out of order under <OfficeApp>/);
  });

  it('wrong element order inside a button', () => {
    const block = xml.match(/ *<Supertip>[\s\S]*?<\/Supertip>\n/)[0];
    const moved = replaceOnce(replaceOnce(xml, block, ''), '</Icon>\n', `</Icon>\n${block}`);
    expectError(moved, /<Supertip> is out of order under <Control>/);
  });

  it('an element that is not valid where it stands', () => {
    expectError(replaceOnce(xml, '<Permissions>ReadWriteMailbox</Permissions>', '<Permissions>ReadWriteMailbox</Permissions><Pinned>true</Pinned>'), /<Pinned> is not a valid child of <OfficeApp>/);
  });

  it('a missing required element', () => {
    expectError(replaceOnce(xml, /\s*<ProviderName>OutlookCrm<\/ProviderName>/.exec(xml)[0], ''), /required <ProviderName> is missing/);
    expectError(replaceOnce(xml, '<Permissions>ReadWriteMailbox</Permissions>', ''), /<Permissions> is required/);
  });

  it('an http:// URL', () => {
    expectError(replaceOnce(xml, 'https://crm.contoso.example/icons/icon-32.png', 'http://crm.contoso.example/icons/icon-32.png'), /not an https:\/\/ URL/);
    expectError(replaceOnce(xml, '<AppDomain>https://login.microsoftonline.com', '<AppDomain>http://login.microsoftonline.com'), /not an https:\/\/ URL/);
    expectError(replaceOnce(xml, 'SupportUrl DefaultValue="https://', 'SupportUrl DefaultValue="//'), /must be an absolute https:\/\/ URL/);
  });

  it('a missing icon', () => {
    expectError(replaceOnce(xml, /\s*<IconUrl [^>]*\/>/.exec(xml)[0], ''), /<IconUrl> is required/);
    expectError(replaceOnce(xml, /\s*<HighResolutionIconUrl [^>]*\/>/.exec(xml)[0], ''), /<HighResolutionIconUrl> is required/);
    expectError(replaceOnce(xml, /\s*<bt:Image size="80" resid="Icon.80" \/>/.exec(xml)[0], ''), /no 80 px icon/);
    expectError(replaceOnce(xml, /\s*<bt:Image id="Icon.16" [^>]*\/>/.exec(xml)[0], ''), /resid "Icon.16" is not defined in <bt:Images>/);
  });

  it('icons of the wrong size', () => {
    expectError(replaceOnce(xml, 'IconUrl DefaultValue="https://crm.contoso.example/icons/icon-64.png"', 'IconUrl DefaultValue="https://crm.contoso.example/icons/icon-80.png"'), /<IconUrl> must be the 64 px icon/);
    const dir = mkdtempSync(join(tmpdir(), 'outlookcrm-icons-'));
    for (const size of [16, 32, 64, 128]) copyFileSync(join(iconsDir, `icon-${size}.png`), join(dir, `icon-${size}.png`));
    writeFileSync(join(dir, 'icon-80.png'), encodePng(40, 40, new Uint8Array(40 * 40 * 4)));
    expectError(xml, /icon-80\.png is 40×40, expected 80×80/, { iconsDir: dir });
  });

  it('SupportsPinning in VersionOverrides 1.0', () => {
    const v10Action = '<SourceLocation resid="Taskpane.Url" />\n                  </Action>';
    expectError(replaceOnce(xml, v10Action, '<SourceLocation resid="Taskpane.Url" />\n<SupportsPinning>true</SupportsPinning></Action>'), /<SupportsPinning> is only valid inside VersionOverridesV1_1/);
  });

  it('SupportsPinning missing from the 1.1 read button, or on the compose button', () => {
    expectError(replaceOnce(xml, '<SupportsPinning>true</SupportsPinning>', ''), /must have <SupportsPinning>true/);
    const composeAction = xml.lastIndexOf('<SourceLocation resid="Taskpane.Url" />');
    const withComposePin = xml.slice(0, composeAction) + '<SourceLocation resid="Taskpane.Url" /><SupportsPinning>true</SupportsPinning>' + xml.slice(composeAction + '<SourceLocation resid="Taskpane.Url" />'.length);
    expectError(withComposePin, /belongs on the MessageReadCommandSurface only/);
  });

  it('a missing compose surface', () => {
    const nested = xml.indexOf('VersionOverridesV1_1');
    const start = xml.indexOf('<ExtensionPoint xsi:type="MessageComposeCommandSurface">', nested);
    const end = xml.indexOf('</ExtensionPoint>', start) + '</ExtensionPoint>'.length;
    expectError(xml.slice(0, start) + xml.slice(end), /VersionOverridesV1_1: no <ExtensionPoint xsi:type="MessageComposeCommandSurface">/);
  });

  it('a 1.1 override that does not require Mailbox 1.5', () => {
    expectError(replaceOnce(xml, '<bt:Sets DefaultMinVersion="1.5">', '<bt:Sets DefaultMinVersion="1.3">'), /must require Mailbox 1\.5 or later, got 1\.3/);
  });

  it('a missing nested VersionOverrides 1.1', () => {
    const start = xml.indexOf('<VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1"');
    const end = xml.indexOf('</VersionOverrides>', start) + '</VersionOverrides>'.length;
    expectError(xml.slice(0, start) + xml.slice(end), /VersionOverridesV1_1"> must be nested/);
  });

  it('a string without its pt-BR override', () => {
    expectError(replaceOnce(xml, /\s*<bt:Override Locale="pt-BR" Value="Clientes" \/>/.exec(xml)[0], ''), /string "Button.Label" has no <bt:Override Locale="pt-BR">/);
    expectError(replaceOnce(xml, /\s*<Override Locale="pt-BR" Value="OutlookCrm" \/>/.exec(xml)[0], ''), /<DisplayName> has no <Override Locale="pt-BR">/);
  });

  it('a WebApplicationInfo resource that does not match the host', () => {
    expectError(replaceOnce(xml, '<Resource>api://crm.contoso.example/', '<Resource>api://other.example/'), /<Resource> must be api:\/\/crm\.contoso\.example\//);
  });

  it('an activation rule without compose mode, and a wrong root type', () => {
    expectError(replaceOnce(xml, 'FormType="Edit"', 'FormType="Read"'), /activate on messages in Edit mode/);
    expectError(replaceOnce(xml, 'xsi:type="MailApp"', 'xsi:type="TaskPaneApp"'), /xsi:type must be MailApp/);
  });
});
