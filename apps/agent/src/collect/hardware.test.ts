import type { Systeminformation } from 'systeminformation';
import { describe, expect, it } from 'vitest';
import { mapCpus, mapDrives, mapMemories, mapStorages } from './hardware.js';

const GB = 1024 ** 3;

describe('mapCpus', () => {
  it('reports one entry per socket with its cores, threads and speed in MHz', () => {
    const cpu = {
      manufacturer: 'Intel',
      brand: 'Xeon® Silver 4210R',
      family: '6',
      model: '85',
      stepping: '7',
      speed: 2.4,
      speedMax: 3.2,
      cores: 40,
      physicalCores: 20,
      processors: 2,
    } as Systeminformation.CpuData;
    const cpus = mapCpus(cpu, 'x64');
    expect(cpus).toHaveLength(2);
    expect(cpus[0]).toEqual({
      name: 'Intel Xeon® Silver 4210R',
      manufacturer: 'Intel',
      arch: 'x86_64',
      core: 10,
      thread: 20,
      speed: 3200,
      familynumber: '6',
      model: '85',
      stepping: 7,
    });
  });
});

describe('mapMemories', () => {
  it('numbers the modules and skips empty slots', () => {
    const module = {
      size: 16 * GB,
      bank: 'BANK 0',
      type: 'DDR4',
      clockSpeed: 3200,
      formFactor: 'SODIMM',
      manufacturer: 'Samsung',
      partNum: 'M471A2K43DB1-CWE',
      serialNum: '12345678',
    } as Systeminformation.MemLayoutData;
    const items = mapMemories([module, { ...module, size: 0 }, { ...module, bank: 'BANK 2' }]);
    expect(items.map((m) => [m.caption, m.capacity, m.numslots])).toEqual([
      ['BANK 0', 16384, 1],
      ['BANK 2', 16384, 2],
    ]);
    expect(items[0]).toMatchObject({ type: 'DDR4', speed: '3200', model: 'M471A2K43DB1-CWE' });
  });
});

const device = (name: string, extra: Partial<Systeminformation.BlockDevicesData>) =>
  ({
    name,
    type: 'disk',
    size: 512 * GB,
    physical: 'SSD',
    model: '',
    serial: '',
    protocol: 'nvme',
    ...extra,
  }) as Systeminformation.BlockDevicesData;

describe('mapStorages', () => {
  it('keeps physical disks and leaves out RAM disks and loop devices', () => {
    const items = mapStorages([
      device('nvme0n1', { model: 'Samsung SSD 980', serial: 'S64DNX0R' }),
      device('nvme0n1p1', { type: 'part' }),
      device('zram0', {}),
      device('loop3', { type: 'loop' }),
    ]);
    expect(items).toEqual([
      {
        name: 'nvme0n1',
        description: 'SSD',
        disksize: 524288,
        model: 'Samsung SSD 980',
        serial: 'S64DNX0R',
        interface: 'nvme',
        type: 'disk',
      },
    ]);
  });
});

describe('mapDrives', () => {
  const volume = (fs: string, mount: string, type: string) =>
    ({
      fs,
      mount,
      type,
      size: 100 * GB,
      used: 60 * GB,
      available: 40 * GB,
      use: 60,
      rw: true,
    }) as Systeminformation.FsSizeData;

  it('puts the mount point in type on Unix, with the label of its partition', () => {
    const [root] = mapDrives(
      [volume('/dev/nvme0n1p2', '/', 'ext4')],
      [device('nvme0n1p2', { type: 'part', label: 'system', device: '/dev/nvme0n1p2' })],
      'linux',
    );
    expect(root).toEqual({
      volumn: '/dev/nvme0n1p2',
      type: '/',
      filesystem: 'ext4',
      label: 'system',
      total: 102400,
      free: 40960,
    });
  });

  it('puts the drive letter in letter on Windows', () => {
    const [c] = mapDrives([volume('C:', 'C:', 'NTFS')], [], 'win32');
    expect(c).toMatchObject({ letter: 'C:', filesystem: 'NTFS', total: 102400, free: 40960 });
    expect(c).not.toHaveProperty('type');
  });
});
