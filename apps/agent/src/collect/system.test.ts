import type { Systeminformation } from 'systeminformation';
import { describe, expect, it } from 'vitest';
import {
  formatOffset,
  mapSystem,
  parseProcStatBootTime,
  type SystemFacts,
  zoneFromLocaltimeLink,
} from './system.js';

// Shapes systeminformation returns on a Windows laptop.
const windows: SystemFacts = {
  os: {
    platform: 'Windows',
    distro: 'Microsoft Windows 11 Professionnel',
    release: '10.0.22631',
    codename: '',
    kernel: '10.0.22631',
    arch: 'x64',
    hostname: 'PC-COMPTA-07',
    fqdn: 'PC-COMPTA-07.corp.example.org',
    servicepack: '',
  } as Systeminformation.OsData,
  system: {
    manufacturer: 'LENOVO',
    model: '20XW0055FR',
    version: 'ThinkPad X1 Carbon Gen 9',
    serial: 'PF2ABCDE',
    uuid: '4c4c4544-0042-3510-8052-b4c04f4b4e32',
    sku: 'LENOVO_MT_20XW_BU_Think_FM_ThinkPad X1 Carbon Gen 9',
    virtual: false,
  } as Systeminformation.SystemData,
  bios: {
    vendor: 'LENOVO',
    version: 'N32ET86W (1.62 )',
    releaseDate: '2023-09-14',
    revision: '',
    serial: '',
  },
  baseboard: {
    manufacturer: 'LENOVO',
    model: '20XW0055FR',
    version: 'SDK0J40697 WIN',
    serial: 'L1HF1AB00CD',
    assetTag: 'Not Available',
    memMax: null,
    memSlots: null,
  },
  chassis: {
    manufacturer: 'LENOVO',
    model: '',
    type: 'Notebook',
    version: 'None',
    serial: 'PF2ABCDE',
    assetTag: 'No Asset Information',
    sku: '',
  },
  hostname: 'PC-COMPTA-07',
  timezoneName: 'Europe/Paris',
  timezoneOffset: -60,
  bootTime: new Date(2024, 2, 1, 8, 5, 9),
};

describe('mapSystem', () => {
  it('fills operatingsystem, hardware and bios the way GLPI agents do', () => {
    const part = mapSystem(windows);
    expect(part.operatingsystem).toEqual({
      name: 'Microsoft Windows 11 Professionnel',
      full_name: 'Microsoft Windows 11 Professionnel 10.0.22631',
      version: '10.0.22631',
      kernel_name: 'MSWin32',
      kernel_version: '10.0.22631',
      arch: 'x86_64',
      fqdn: 'PC-COMPTA-07.corp.example.org',
      dns_domain: 'corp.example.org',
      boot_time: '2024-03-01 08:05:09',
      timezone: { name: 'Europe/Paris', offset: '+0100' },
    });
    expect(part.hardware).toEqual({
      name: 'PC-COMPTA-07',
      uuid: '4C4C4544-0042-3510-8052-B4C04F4B4E32',
      chassis_type: 'Notebook',
      vmsystem: 'Physical',
    });
    expect(part.bios).toEqual({
      bdate: '2023-09-14',
      bmanufacturer: 'LENOVO',
      bversion: 'N32ET86W (1.62 )',
      smanufacturer: 'LENOVO',
      smodel: '20XW0055FR',
      ssn: 'PF2ABCDE',
      skunumber: 'LENOVO_MT_20XW_BU_Think_FM_ThinkPad X1 Carbon Gen 9',
      mmanufacturer: 'LENOVO',
      mmodel: '20XW0055FR',
      msn: 'L1HF1AB00CD',
      assettag: 'No Asset Information',
      enclosureserial: 'PF2ABCDE',
    });
  });

  it('names a macOS release with its codename and drops firmware placeholders', () => {
    const part = mapSystem({
      ...windows,
      os: {
        ...windows.os,
        platform: 'darwin',
        distro: 'macOS',
        release: '14.2.1',
        codename: 'Sonoma',
        kernel: '23.2.0',
        arch: 'arm64',
        fqdn: 'mbp-ann.local',
      },
      hostname: 'mbp-ann.local',
      system: { ...windows.system, manufacturer: 'Apple Inc.', serial: 'Default string', uuid: '' },
    });
    expect(part.operatingsystem).toMatchObject({
      full_name: 'macOS 14.2.1 (Sonoma)',
      kernel_name: 'darwin',
      arch: 'aarch64',
      dns_domain: 'local',
    });
    expect(part.hardware?.name).toBe('mbp-ann');
    expect(part.hardware).not.toHaveProperty('uuid');
    expect(part.bios).not.toHaveProperty('ssn');
  });

  it('names the hypervisor of a virtual machine', () => {
    const part = mapSystem({ ...windows, system: { ...windows.system, virtual: true, virtualHost: 'KVM' } });
    expect(part.hardware?.vmsystem).toBe('KVM');
  });
});

describe('formatOffset', () => {
  it.each([
    [-120, '+0200'],
    [0, '+0000'],
    [300, '-0500'],
    [-330, '+0530'],
  ])('%i minutes west → %s', (minutes, text) => {
    expect(formatOffset(minutes)).toBe(text);
  });
});

describe('parseProcStatBootTime', () => {
  it('reads btime', () => {
    expect(parseProcStatBootTime('cpu  1 2 3\nintr 4\nbtime 1709280309\nprocesses 12\n')).toBe(1709280309);
    expect(parseProcStatBootTime(null)).toBeUndefined();
  });
});

describe('zoneFromLocaltimeLink', () => {
  it('reads the zone from the /etc/localtime link of Linux and macOS', () => {
    expect(zoneFromLocaltimeLink('/usr/share/zoneinfo/Europe/Paris')).toBe('Europe/Paris');
    expect(zoneFromLocaltimeLink('/var/db/timezone/zoneinfo/America/Montreal')).toBe('America/Montreal');
    expect(zoneFromLocaltimeLink('/etc/other')).toBeUndefined();
    expect(zoneFromLocaltimeLink(null)).toBeUndefined();
  });
});
