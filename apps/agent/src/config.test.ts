import { describe, expect, it } from 'vitest';
import { AgentConfigError, defaultDataDir, loadAgentConfig, normalizeServerUrl } from './config.js';

const linuxUser = { platform: 'linux', isRoot: false } as const;

describe('defaultDataDir', () => {
  it('uses /var/lib for root on Linux', () => {
    expect(defaultDataDir('linux', { HOME: '/root' }, true)).toBe('/var/lib/itsm-agent');
  });

  it('uses XDG_DATA_HOME for a Linux user when it is absolute', () => {
    expect(defaultDataDir('linux', { HOME: '/home/ann', XDG_DATA_HOME: '/data/ann' }, false)).toBe(
      '/data/ann/itsm-agent',
    );
  });

  it('falls back to ~/.local/share for a Linux user, ignoring a relative XDG_DATA_HOME', () => {
    expect(defaultDataDir('linux', { HOME: '/home/ann' }, false)).toBe('/home/ann/.local/share/itsm-agent');
    expect(defaultDataDir('linux', { HOME: '/home/ann', XDG_DATA_HOME: 'rel' }, false)).toBe(
      '/home/ann/.local/share/itsm-agent',
    );
  });

  it('uses %ProgramData% on Windows', () => {
    expect(defaultDataDir('win32', { ProgramData: 'D:\\ProgramData' }, false)).toBe(
      'D:\\ProgramData\\itsm-agent',
    );
    expect(defaultDataDir('win32', {}, true)).toBe('C:\\ProgramData\\itsm-agent');
  });

  it('uses Application Support on macOS, machine-wide for root', () => {
    expect(defaultDataDir('darwin', { HOME: '/var/root' }, true)).toBe(
      '/Library/Application Support/itsm-agent',
    );
    expect(defaultDataDir('darwin', { HOME: '/Users/ann' }, false)).toBe(
      '/Users/ann/Library/Application Support/itsm-agent',
    );
  });

  it('asks for ITSM_AGENT_DATA_DIR when HOME is missing', () => {
    expect(() => defaultDataDir('linux', {}, false)).toThrow(/ITSM_AGENT_DATA_DIR/);
  });
});

describe('normalizeServerUrl', () => {
  it.each([
    ['https://itsm.example.test', 'https://itsm.example.test'],
    ['https://itsm.example.test/', 'https://itsm.example.test'],
    ['  http://10.0.0.5:8000/  ', 'http://10.0.0.5:8000'],
    ['https://ITSM.Example.test:443/tickets/12', 'https://itsm.example.test'],
    ['http://[::1]:8000/api/v1/', 'http://[::1]:8000'],
  ])('accepts %s', (input, expected) => {
    expect(normalizeServerUrl(input)).toBe(expected);
  });

  it('keeps a given path prefix, without a trailing slash', () => {
    expect(normalizeServerUrl('https://example.test/itsm/api/', { pathPrefix: '/itsm/' })).toBe(
      'https://example.test/itsm',
    );
    expect(normalizeServerUrl('https://example.test', { pathPrefix: 'a/b' })).toBe(
      'https://example.test/a/b',
    );
    expect(normalizeServerUrl('https://example.test/', { pathPrefix: '/' })).toBe('https://example.test');
  });

  it.each([
    ['', /empty/],
    ['itsm.example.test', /not a valid URL/],
    ['ftp://itsm.example.test', /http or https, not ftp/],
    ['file:///etc/passwd', /http or https/],
    ['https://admin:secret@itsm.example.test', /credentials/],
    ['https://admin@itsm.example.test', /credentials/],
    ['https://itsm.example.test/?token=1', /query/],
    ['https://itsm.example.test/?', /query/],
    ['https://itsm.example.test/#top', /fragment/],
  ])('rejects %j', (input, message) => {
    expect(() => normalizeServerUrl(input)).toThrow(message);
  });

  it('rejects a path prefix that climbs out', () => {
    expect(() => normalizeServerUrl('https://example.test', { pathPrefix: '/a/../b' })).toThrow(
      /path prefix/,
    );
  });
});

describe('loadAgentConfig', () => {
  it('applies defaults when nothing is set', () => {
    expect(loadAgentConfig({ HOME: '/home/ann' }, linuxUser)).toEqual({
      server: null,
      dataDir: '/home/ann/.local/share/itsm-agent',
      logLevel: 'info',
      uiPort: 8765,
      splaySeconds: 300,
    });
  });

  it('reads and normalises every variable', () => {
    const env = {
      ITSM_AGENT_UI_PORT: '9000',
      ITSM_AGENT_SPLAY_SECONDS: '0',
      ITSM_AGENT_SERVER: 'https://itsm.example.test/',
      ITSM_AGENT_DATA_DIR: '/srv/agent',
      ITSM_AGENT_LOG_LEVEL: 'DEBUG',
    };
    expect(loadAgentConfig(env, linuxUser)).toEqual({
      server: 'https://itsm.example.test',
      dataDir: '/srv/agent',
      logLevel: 'debug',
      uiPort: 9000,
      splaySeconds: 0,
    });
  });

  it('treats empty variables as unset', () => {
    const env = {
      HOME: '/h',
      ITSM_AGENT_SERVER: '',
      ITSM_AGENT_DATA_DIR: ' ',
      ITSM_AGENT_LOG_LEVEL: '',
      ITSM_AGENT_UI_PORT: '',
    };
    expect(loadAgentConfig(env, { platform: 'linux', isRoot: true })).toEqual({
      server: null,
      dataDir: '/var/lib/itsm-agent',
      logLevel: 'info',
      uiPort: 8765,
      splaySeconds: 300,
    });
  });

  it('accepts a Windows absolute data dir on Windows only', () => {
    const env = { ITSM_AGENT_DATA_DIR: 'D:\\agent' };
    expect(loadAgentConfig(env, { platform: 'win32', isRoot: false }).dataDir).toBe('D:\\agent');
    expect(() => loadAgentConfig({ ...env, HOME: '/h' }, linuxUser)).toThrow(/ITSM_AGENT_DATA_DIR/);
  });

  it.each([
    [{ ITSM_AGENT_SERVER: 'ftp://x.test' }, /ITSM_AGENT_SERVER: the server URL must use http or https/],
    [{ ITSM_AGENT_SERVER: 'https://u:p@x.test' }, /ITSM_AGENT_SERVER: .*credentials/],
    [{ ITSM_AGENT_DATA_DIR: 'relative/dir' }, /ITSM_AGENT_DATA_DIR: must be an absolute path/],
    [{ ITSM_AGENT_LOG_LEVEL: 'loud' }, /ITSM_AGENT_LOG_LEVEL: must be one of fatal, error/],
  ])('names the variable in errors (%j)', (env, message) => {
    expect(() => loadAgentConfig({ HOME: '/h', ...env }, linuxUser)).toThrow(message);
  });

  it('reports every invalid variable at once', () => {
    const env = { ITSM_AGENT_SERVER: 'nope', ITSM_AGENT_LOG_LEVEL: 'loud', HOME: '/h' };
    const error = (() => {
      try {
        loadAgentConfig(env, linuxUser);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AgentConfigError);
    expect((error as Error).message).toMatch(/ITSM_AGENT_SERVER[\s\S]*ITSM_AGENT_LOG_LEVEL/);
  });
});
