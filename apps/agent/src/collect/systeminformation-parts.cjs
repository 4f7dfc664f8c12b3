// The systeminformation calls the agent uses (context.ts), taken from the modules that hold them
// rather than from the package's index, which loads every module (the internet checks among them)
// and weighs about 6 MB more in every run of the agent. CommonJS on purpose: this one module
// crosses into ESM, the others are plain requires (which the single-file build bundles as they are).
'use strict';

const cpu = require('systeminformation/lib/cpu.js');
const filesystem = require('systeminformation/lib/filesystem.js');
const graphics = require('systeminformation/lib/graphics.js');
const memory = require('systeminformation/lib/memory.js');
const network = require('systeminformation/lib/network.js');
const osinfo = require('systeminformation/lib/osinfo.js');
const system = require('systeminformation/lib/system.js');
const users = require('systeminformation/lib/users.js');

module.exports = {
  osInfo: osinfo.osInfo,
  system: system.system,
  bios: system.bios,
  baseboard: system.baseboard,
  chassis: system.chassis,
  cpu: cpu.cpu,
  mem: memory.mem,
  memLayout: memory.memLayout,
  blockDevices: filesystem.blockDevices,
  fsSize: filesystem.fsSize,
  graphics: graphics.graphics,
  networkInterfaces: network.networkInterfaces,
  networkGatewayDefault: network.networkGatewayDefault,
  users: users.users,
};
