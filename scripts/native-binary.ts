// What a native binary was built for, read from its header: the OS (by format), the CPU and, for
// Linux, the C library it links against. Used by `npm run package:check` and test/package/ to prove
// that each per-platform .vsix carries lmdb's binary of its own platform (issue #19), since a binary
// of the wrong platform fails only on a user's machine, with "invalid ELF header" or its like.
//   - ELF (Linux): e_machine; the libc from the DT_NEEDED entries of the dynamic section: glibc's
//     soname is libc.so.6, musl's plain libc.so (as lmdb's prebuilt node.napi.musl.node links);
//   - Mach-O (macOS): cputype of a thin binary, or of each slice of a fat one;
//   - PE (Windows): the COFF header's Machine.
// Only the fields needed, no library: the formats' headers are fixed and documented (the ELF gABI,
// Apple's <mach-o/loader.h>, Microsoft's PE format page).

export interface NativeBinary {
  format: 'ELF' | 'Mach-O' | 'PE';
  os: 'linux' | 'darwin' | 'win32';
  /** Node's names (process.arch): x64, arm64, arm, ia32; several joined by '+' for a fat Mach-O. */
  arch: string;
  /** ELF only: the C library named by DT_NEEDED. */
  libc?: 'glibc' | 'musl';
}

const ELF_MACHINES: Record<number, string> = { 0x03: 'ia32', 0x28: 'arm', 0x3e: 'x64', 0xb7: 'arm64' };
const MACHO_CPUS: Record<number, string> = { 0x01000007: 'x64', 0x0100000c: 'arm64', 0x07: 'ia32' };
const PE_MACHINES: Record<number, string> = { 0x8664: 'x64', 0xaa64: 'arm64', 0x014c: 'ia32', 0x01c4: 'arm' };

/** What `bytes` (a whole binary file) was built for, or undefined if it is none of the three formats. */
export function describeNativeBinary(bytes: Buffer): NativeBinary | undefined {
  if (bytes.length >= 64 && bytes.readUInt32BE(0) === 0x7f454c46) return describeElf(bytes);
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xfeedfacf) return { format: 'Mach-O', os: 'darwin', arch: MACHO_CPUS[bytes.readUInt32LE(4)] ?? 'unknown' };
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xcafebabe) {
    // Fat binary: a big-endian list of slices (cputype, cpusubtype, offset, size, align).
    const count = bytes.readUInt32BE(4);
    const arches = Array.from({ length: count }, (_, i) => MACHO_CPUS[bytes.readUInt32BE(8 + i * 20)] ?? 'unknown');
    return { format: 'Mach-O', os: 'darwin', arch: arches.join('+') };
  }
  if (bytes.length >= 64 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 6 > bytes.length || bytes.readUInt32BE(pe) !== 0x50450000) return undefined;
    return { format: 'PE', os: 'win32', arch: PE_MACHINES[bytes.readUInt16LE(pe + 4)] ?? 'unknown' };
  }
  return undefined;
}

function describeElf(bytes: Buffer): NativeBinary {
  const is64 = bytes[4] === 2;
  const little = bytes[5] === 1;
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const word = (at: number) => (is64 ? Number(little ? bytes.readBigUInt64LE(at) : bytes.readBigUInt64BE(at)) : u32(at));
  const arch = ELF_MACHINES[u16(0x12)] ?? 'unknown';
  // Section headers: the SHT_DYNAMIC section, whose sh_link is the string table its entries point into.
  const shoff = word(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const section = (i: number) => {
    const at = shoff + i * shentsize;
    return { type: u32(at + 4), offset: word(at + (is64 ? 0x18 : 0x10)), size: word(at + (is64 ? 0x20 : 0x14)), link: u32(at + (is64 ? 0x28 : 0x18)) };
  };
  const needed: string[] = [];
  for (let i = 0; shoff && i < shnum; i++) {
    const dynamic = section(i);
    if (dynamic.type !== 6) continue;
    const strings = section(dynamic.link);
    const entrySize = is64 ? 16 : 8;
    for (let at = dynamic.offset; at + entrySize <= dynamic.offset + dynamic.size; at += entrySize) {
      const tag = word(at);
      if (tag === 0) break; // DT_NULL
      if (tag !== 1) continue; // DT_NEEDED
      const start = strings.offset + word(at + (is64 ? 8 : 4));
      needed.push(bytes.toString('latin1', start, bytes.indexOf(0, start)));
    }
  }
  const libc = needed.includes('libc.so.6') ? 'glibc' : needed.includes('libc.so') || needed.some((n) => n.startsWith('libc.musl-')) ? 'musl' : undefined;
  return { format: 'ELF', os: 'linux', arch, ...(libc ? { libc } : {}) };
}
