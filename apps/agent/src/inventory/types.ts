// The sections of the GLPI inventory format that the agent fills (src/inventory/glpi/inventory.schema.json).
// Sizes follow the format: memory and disk sizes in MB, CPU speed in MHz, network speed in Mbit/s.

export type OperatingSystemSection = {
  name?: string;
  full_name?: string;
  version?: string;
  kernel_name?: string;
  kernel_version?: string;
  arch?: string;
  hostid?: string;
  fqdn?: string;
  dns_domain?: string;
  boot_time?: string;
  service_pack?: string;
  timezone?: { name: string; offset: string };
};

export type HardwareSection = {
  name?: string;
  uuid?: string;
  memory?: number;
  swap?: number;
  chassis_type?: string;
  vmsystem?: string;
  workgroup?: string;
  defaultgateway?: string;
  lastloggeduser?: string;
  datelastloggeduser?: string;
};

export type BiosSection = {
  bdate?: string;
  bmanufacturer?: string;
  bversion?: string;
  biosserial?: string;
  smanufacturer?: string;
  smodel?: string;
  ssn?: string;
  skunumber?: string;
  mmanufacturer?: string;
  mmodel?: string;
  msn?: string;
  assettag?: string;
  enclosureserial?: string;
};

export type CpuItem = {
  name?: string;
  manufacturer?: string;
  arch?: string;
  core?: number;
  thread?: number;
  speed?: number;
  familynumber?: string;
  model?: string;
  stepping?: number;
};

export type MemoryItem = {
  capacity?: number;
  caption?: string;
  description?: string;
  manufacturer?: string;
  model?: string;
  serialnumber?: string;
  speed?: string;
  type?: string;
  formfactor?: string;
  numslots?: number;
};

export type StorageItem = {
  name: string;
  description?: string;
  disksize?: number;
  model?: string;
  serial?: string;
  interface?: string;
  type?: string;
};

export type DriveItem = {
  volumn?: string;
  type?: string;
  letter?: string;
  filesystem?: string;
  label?: string;
  total?: number;
  free?: number;
};

export type VideoItem = {
  name?: string;
  chipset?: string;
  memory?: number;
  resolution?: string;
  pcislot?: string;
};

export type NetworkStatus =
  | 'up'
  | 'down'
  | 'dormant'
  | 'notpresent'
  | 'lowerlayerdown'
  | 'unknown'
  | 'testing';
export type NetworkType = 'ethernet' | 'wifi' | 'loopback' | 'bridge' | 'aggregate';

export type NetworkItem = {
  description: string;
  mac?: string;
  ipaddress?: string;
  ipmask?: string;
  ipsubnet?: string;
  ipaddress6?: string;
  ipmask6?: string;
  ipsubnet6?: string;
  ipgateway?: string;
  speed?: string;
  status?: NetworkStatus;
  type?: NetworkType;
  virtualdev?: boolean;
  mtu?: number;
};

export type SoftwareItem = {
  name: string;
  version?: string;
  publisher?: string;
  arch?: string;
  comments?: string;
  filesize?: number;
  from?: string;
  guid?: string;
  install_date?: string;
  system_category?: string;
  url_info_about?: string;
  uninstall_string?: string;
  folder?: string;
};

export type UserItem = { login: string; domain?: string };

/** Our additions, under `content` as the format allows (only the document root is closed). */
export type ItsmSection = {
  /** Names of the interfaces configured by DHCP (the format only has the DHCP server's address). */
  dhcp_interfaces?: string[];
  sessions?: { login: string; terminal?: string; from?: string; since?: string }[];
};

/** Changes on every collection; kept apart so that the other sections' hashes stay stable. */
export type ItsmRuntimeSection = { uptime_seconds: number; collected_at: string };

export type InventoryContent = {
  versionclient: string;
  operatingsystem?: OperatingSystemSection;
  hardware?: HardwareSection;
  bios?: BiosSection;
  cpus?: CpuItem[];
  memories?: MemoryItem[];
  storages?: StorageItem[];
  drives?: DriveItem[];
  videos?: VideoItem[];
  networks?: NetworkItem[];
  softwares?: SoftwareItem[];
  users?: UserItem[];
  itsm?: ItsmSection;
  itsm_runtime?: ItsmRuntimeSection;
};

/** What one collector produces: some sections; `hardware` may be shared, so collectors' parts are merged. */
export type ContentPart = Partial<Omit<InventoryContent, 'versionclient'>>;

export type InventoryDocument = {
  action: 'inventory';
  itemtype: 'Computer';
  deviceid: string;
  partial?: boolean;
  content: InventoryContent;
};
