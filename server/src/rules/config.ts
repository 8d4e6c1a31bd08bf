import { DEFAULT_HOUSE_STYLE, type HouseStyle, type Severity } from './rule';

export type RuleLevel = Severity | 'off';

/** Per-rule levels, from `compactDrafter.diagnostics.<code>` or `.compactdrafter.json`. */
export interface DiagnosticsConfig {
  readonly levels: Readonly<Record<string, RuleLevel>>;
  readonly houseStyle: HouseStyle;
}

export const DEFAULT_DIAGNOSTICS_CONFIG: DiagnosticsConfig = { levels: {}, houseStyle: DEFAULT_HOUSE_STYLE };

const LEVELS = new Set<RuleLevel>(['off', 'error', 'warning', 'information', 'hint']);

/**
 * Reads `{ "diagnostics": { "<code>": "off" | "error" | … }, "houseStyle": { "rangeDash": "hyphen" } }`.
 * Unknown values are reported, not silently dropped.
 */
export function readDiagnosticsConfig(raw: unknown, knownCodes: readonly string[]): { config: DiagnosticsConfig; problems: string[] } {
  const problems: string[] = [];
  const object = (raw && typeof raw === 'object' ? raw : {}) as { diagnostics?: unknown; houseStyle?: { rangeDash?: unknown } };
  const levels: Record<string, RuleLevel> = {};
  if (object.diagnostics && typeof object.diagnostics === 'object') {
    for (const [code, value] of Object.entries(object.diagnostics as Record<string, unknown>)) {
      if (!knownCodes.includes(code)) problems.push(`unknown rule "${code}" (known: ${knownCodes.join(', ')})`);
      else if (typeof value !== 'string' || !LEVELS.has(value as RuleLevel)) problems.push(`"${code}": "${String(value)}" is not one of off, error, warning, information, hint`);
      else levels[code] = value as RuleLevel;
    }
  }
  const dash = object.houseStyle?.rangeDash;
  if (dash !== undefined && dash !== 'en-dash' && dash !== 'hyphen') problems.push(`houseStyle.rangeDash: "${String(dash)}" is not "en-dash" or "hyphen"`);
  const houseStyle: HouseStyle = { rangeDash: dash === 'hyphen' ? 'hyphen' : 'en-dash' };
  return { config: { levels, houseStyle }, problems };
}
